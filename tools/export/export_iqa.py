#!/usr/bin/env python3
"""Export a pyiqa learned no-reference metric to a TorchScript folder SR Studio's learned-metric runner reads.

Needs a Python with torch and pyiqa installed (pyiqa downloads the metric's weights on first use).

  python3 tools/export/export_iqa.py musiq models/iqa/learned/musiq
  python3 tools/export/export_iqa.py maniqa models/iqa/learned/maniqa --patches grid --size 224 --count 20

Writes OUT/model.pt (a traced module taking a (1, 3, S, S) RGB tensor in [0, 1]) and OUT/iqa.json. The module is
traced at one fixed patch size, because several pyiqa networks take data-dependent paths (MUSIQ's multi-scale
patching, MANIQA's and LIQE's internal crops) that tracing freezes; the studio therefore feeds fixed-size patches
and averages their scores. This approximates pyiqa's own test-time protocol; compare a few images with pyiqa
before trusting absolute values (rankings between SR variants are what the studio shows).
"""
import argparse
import json
import os

import torch

# metric: (default patch mode, patch size, patch count, better, rough range) — from pyiqa's model cards
DEFAULTS = {
    'clipiqa': ('grid', 224, 9, 'higher', [0, 1]),
    'clipiqa+': ('grid', 224, 9, 'higher', [0, 1]),
    'musiq': ('grid', 384, 4, 'higher', [0, 100]),
    'musiq-spaq': ('grid', 384, 4, 'higher', [0, 100]),
    'maniqa': ('grid', 224, 20, 'higher', [0, 1]),
    'liqe': ('grid', 224, 15, 'higher', [1, 5]),
    'liqe_mix': ('grid', 224, 15, 'higher', [1, 5]),
    'topiq_nr': ('grid', 384, 4, 'higher', [0, 1]),
}


class ScoreOnly(torch.nn.Module):
    """Wraps a pyiqa metric's network so that forward(x) returns one score per image as (N, 1)."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        y = self.net(x)
        if isinstance(y, (tuple, list)):
            y = y[0]
        return y.reshape(x.shape[0], -1).mean(dim=1, keepdim=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('metric', help='pyiqa metric name, e.g. musiq, maniqa, clipiqa, liqe, topiq_nr')
    ap.add_argument('out', help='output folder, e.g. models/iqa/learned/musiq')
    ap.add_argument('--patches', choices=['whole', 'center', 'grid'])
    ap.add_argument('--size', type=int)
    ap.add_argument('--count', type=int)
    args = ap.parse_args()

    import pyiqa  # imported late so that --help works without it

    mode, size, count, better, rng = DEFAULTS.get(args.metric, ('center', 224, 1, None, []))
    mode = args.patches or mode
    size = args.size or size
    count = args.count or count
    metric = pyiqa.create_metric(args.metric, device='cpu', as_loss=False)
    if better is None:
        better = 'lower' if metric.lower_better else 'higher'
    net = ScoreOnly(metric.net).eval()
    example = torch.rand(1, 3, size, size)
    with torch.no_grad():
        traced = torch.jit.trace(net, example, check_trace=False)
        check = float(net(example).mean())
        again = float(traced(example).mean())
    if abs(check - again) > 1e-3 * max(1.0, abs(check)):
        raise SystemExit('tracing changed the output (%.6f vs %.6f); this metric cannot be exported as is' % (check, again))
    os.makedirs(args.out, exist_ok=True)
    traced.save(os.path.join(args.out, 'model.pt'))
    manifest = {
        'metric': args.metric,
        'file': 'model.pt',
        # pyiqa networks normalise inside forward(); the runner feeds RGB in [0, 1]
        'mean': [0.0, 0.0, 0.0],
        'std': [1.0, 1.0, 1.0],
        'patches': mode,
        'size': size,
        'count': count,
        'better': better,
        'range': rng,
    }
    with open(os.path.join(args.out, 'iqa.json'), 'w') as f:
        json.dump(manifest, f, indent=2)
        f.write('\n')
    print('exported %s to %s (patch %s %dx%d, %d patches)' % (args.metric, args.out, mode, size, size, count))


if __name__ == '__main__':
    main()
