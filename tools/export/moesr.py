#!/usr/bin/env python3
"""Export MoESR (tencent-ailab/Frequency_Aug_VAE_MoESR, the 8x model) to an SR Studio diffusion folder.

UNRUN: written from sr_8x_inf/sr_val_ddim_moe.py and inf_moe_8x.sh without the weights at hand. Run it from the
repository's sr_8x_inf folder, in its environment:

    python /path/to/srstudio/tools/export/moesr.py --config configs/extreme_sr/config_sr_FFNMoe_ewa_time_stage.yaml \
        --ckpt models/Unet/sr_8x/moe_stage0.ckpt ... moe_stage3.ckpt \
        --decoder-config <vae_cfw_aff_unet_8x.yaml> --decoder-ckpt models/first_stage_models/vq-f4/fa_vae.pth --out moesr

Modules: denoiser_expert_{0..3}.pt (x, cond, t → ε for the timestep bands [0,250), [250,500), [500,750),
[750,1000)), features.pt (FA-VAE encoder feature of the 8x-upsampled LR) and vae_decoder.pt (VQ lookup, RRDB
fusion, AFF refinement). The experts' FFN-MoE layers route tokens by a random permutation whose split sizes come
from the token count, so each expert is traced at the repository's one working size (128x128 latent, a 64x64 LR)
and the runtime tiles at that size; the permutation is fixed to the identity while tracing (one of the routings
the random permutation draws), so a seed reproduces an image.
"""
import argparse
import copy
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as C  # noqa: E402

LATENT = 128


class Expert(nn.Module):
    def __init__(self, ldm):
        super().__init__()
        self.unet = ldm.model.diffusion_model

    def forward(self, x, cond, t):
        return self.unet(torch.cat([x, cond], dim=1), t)


class Features(nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, image):
        return self.vae.encode_to_prequant(image)[1]


class Decoder(nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, z, features):
        return self.vae.decode(z, features)[0]


class IdentityPermutation:
    """Replaces torch.randperm while tracing so the FFN-MoE routing is recorded as a fixed split."""

    def __enter__(self):
        self.saved = torch.randperm
        torch.randperm = lambda n, *args, **kw: torch.arange(n, device=kw.get("device"))
        return self

    def __exit__(self, *exc):
        torch.randperm = self.saved


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", required=True)
    ap.add_argument("--ckpt", required=True, nargs=4, help="the four stage checkpoints, bands 0-250 … 750-1000 in order")
    ap.add_argument("--decoder-config", required=True)
    ap.add_argument("--decoder-ckpt", required=True)
    ap.add_argument("--out", default="moesr")
    ap.add_argument("--device", default="cpu")
    a = ap.parse_args()
    sys.path.insert(0, os.getcwd())
    from omegaconf import OmegaConf
    from ldm.util import instantiate_from_config
    from ldm.models.vqmodel import VQModelResiUnet

    dev = torch.device(a.device)
    base = instantiate_from_config(OmegaConf.load(a.config).model)
    out = a.out
    g = torch.Generator().manual_seed(0)

    def rnd(*shape):
        return torch.randn(*shape, generator=g).to(dev)

    experts = []
    with torch.no_grad(), IdentityPermutation():
        for k, ckpt in enumerate(a.ckpt):
            ldm = copy.deepcopy(base)
            ldm.load_state_dict(torch.load(ckpt, map_location="cpu"), strict=False)
            ldm.model_ema.store(ldm.model.parameters())
            ldm.model_ema.copy_to(ldm.model)  # the EMA weights, as sr_val_ddim_moe.py uses
            ldm.to(dev).eval()
            e = Expert(ldm)
            path = f"modules/denoiser_expert_{k}.pt"
            t_mid = torch.tensor([k * 250 + 125], device=dev)
            traced = C.trace(e, (rnd(1, 3, LATENT, LATENT), rnd(1, 3, LATENT, LATENT).clamp(-1, 1), t_mid), os.path.join(out, path), f"expert {k}")
            C.verify(f"expert {k}", e, traced, [(rnd(1, 3, LATENT, LATENT), rnd(1, 3, LATENT, LATENT).clamp(-1, 1), torch.tensor([k * 250 + 1], device=dev)),
                                                (rnd(1, 3, LATENT, LATENT), rnd(1, 3, LATENT, LATENT).clamp(-1, 1), torch.tensor([k * 250 + 246], device=dev))], 2e-3)
            experts.append({"t_min": k * 250, "t_max": (k + 1) * 250, "module": path})
            del ldm

        dcfg = OmegaConf.load(a.decoder_config)
        vae = VQModelResiUnet(ddconfig=dcfg.model.params.ddconfig, n_embed=8192, embed_dim=3)
        vae.load_state_dict(torch.load(a.decoder_ckpt, map_location="cpu"), strict=False)
        vae.to(dev).eval()
        f = Features(vae)
        side = LATENT * 4
        t_f = C.trace(f, (rnd(1, 3, side, side).clamp(-1, 1),), os.path.join(out, "modules/features.pt"), "features")
        feats = C.verify("features", f, t_f, [(rnd(1, 3, side, side).clamp(-1, 1),), (rnd(1, 3, side, side).clamp(-1, 1),)], 1e-3)
        d = Decoder(vae)
        t_d = C.trace(d, (rnd(1, 3, LATENT, LATENT), feats[0]), os.path.join(out, "modules/vae_decoder.pt"), "vae_decoder")
        C.verify("vae_decoder", d, t_d, [(rnd(1, 3, LATENT, LATENT), feats[0]), (rnd(1, 3, LATENT, LATENT), feats[1])], 2e-3)

    lin = OmegaConf.load(a.config).model.params
    engine = {
        "modules": {"features": "modules/features.pt", "vae_decoder": "modules/vae_decoder.pt"},
        "experts": experts, "denoiser_inputs": ["x", "cond", "t"], "decoder_inputs": ["z", "features"],
        "timestep": {"dtype": "int64", "batched": True},
        "preprocess": {"upsample": "torch_bicubic", "min_short_side": side, "round": "pad", "multiple": 32},
        "text": {"mode": "none"},
        "latent": {"channels": 3, "downscale": 4, "scaling_factor": float(lin.get("scale_factor", 1.0)), "shift_factor": 0.0,
                   "sample_posterior": False},
        "init": {"type": "pure_noise"},
        "sampler": {"type": "ddim_ldm", "beta_start": float(lin.get("linear_start", 0.0015)), "beta_end": float(lin.get("linear_end", 0.0155)),
                    "eta": 1.0, "default_steps": 200},
        "tiling": {"latent_tile": LATENT, "overlap": 32},
        "color_fix": {"default": "adain"},
    }
    manifest = {
        "id": "moesr", "name": "MoESR (FA-VAE, 8x)", "version": "exported", "family": "multi-step-diffusion",
        "format": "diffusion", "scales": [8], "speed": "slow",
        "knobs": {"steps": {"defaultValue": 200, "min": 10, "max": 1000}, "seed": {},
                  "color_fix": {"choices": ["none", "adain", "wavelet"], "defaultText": "adain"}},
        "license": "code and weights: see the Frequency_Aug_VAE_MoESR repository",
        "source": "https://github.com/tencent-ailab/Frequency_Aug_VAE_MoESR", "engine": engine,
    }
    C.write_manifest(out, manifest)
    print("[export] verified: 4 experts (two timesteps inside each band), features, vae_decoder, traced vs eager")


if __name__ == "__main__":
    main()
