#!/usr/bin/env python3
"""Export S3Diff (ArcticHare105/S3Diff) to an SR Studio diffusion folder.

UNRUN: written from the repository's code (src/s3diff_tile.py, src/inference_s3diff.py, src/de_net.py) without
the weights at hand. Run it from the S3Diff repository root, in its environment, with its checkpoints:

    python /path/to/srstudio/tools/export/s3diff.py --sd-path <sd-turbo folder> \
        --pretrained assets/mm-realsr/s3diff.pkl --de-net assets/mm-realsr/de_net.pth --out s3diff [--device cuda]

What it writes (docs/model-format.md, "diffusion"): degradation.pt (DEResNet), vae_encoder.pt and denoiser.pt with
the degradation-modulated LoRA computed inside forward from a `deg` input (so one trace serves every image),
vae_decoder.pt, and the fixed positive/negative prompt embeddings as constants. It checks every trace against the
eager model on two different inputs, and for the modulated modules on two different degradation vectors (whose
outputs must differ, proving the modulation is traced, not frozen).
"""
import argparse
import math
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as C  # noqa: E402

POS = "A high-resolution, 8K, ultra-realistic image with sharp focus, vibrant colors, and natural lighting."
NEG = "oil painting, cartoon, blur, dirty, messy, low quality, deformation, low resolution, oversmooth"


def fourier(w, deg):
    """S3Diff.forward's degradation embedding: [sin, cos] of deg·W·2π for both degradations, concatenated."""
    p = deg[..., None] * w[None, None, :] * 2 * math.pi
    p = torch.cat([torch.sin(p), torch.cos(p)], dim=-1)
    return torch.cat([p[:, 0], p[:, 1]], dim=-1)


class Modulated(nn.Module):
    """Computes the per-block r×r LoRA mixing matrices from `deg` and assigns them to the LoRA layers in forward."""

    def __init__(self, w, de_mlp, block_mlp, fuse_mlp, block_emb, targets, rank):
        super().__init__()
        self.w = nn.Parameter(w.detach().clone(), requires_grad=False)
        self.de_mlp, self.block_mlp, self.fuse_mlp, self.block_emb = de_mlp, block_mlp, fuse_mlp, block_emb
        self._targets = targets  # [(module, block index)], modules registered through the wrapped network
        self.rank = rank

    def modulate(self, deg):
        de = self.de_mlp(fourier(self.w, deg))
        blocks = self.block_mlp(self.block_emb.weight)
        embeds = self.fuse_mlp(torch.cat([de.unsqueeze(1).repeat(1, blocks.shape[0], 1),
                                          blocks.unsqueeze(0).repeat(de.shape[0], 1, 1)], -1))
        for module, idx in self._targets:
            module.de_mod = embeds[:, idx].reshape(-1, self.rank, self.rank)


class VaeEncoder(Modulated):
    def __init__(self, net):
        targets = []
        for name, m in net.vae.named_modules():
            if name in net.vae_lora_layers:
                parts = name.split(".")
                idx = int(parts[2]) if parts[1] == "down_blocks" else (-2 if parts[1] == "mid_block" else -1)
                targets.append((m, idx))
        super().__init__(net.W, net.vae_de_mlp, net.vae_block_mlp, net.vae_fuse_mlp, net.vae_block_embeddings, targets,
                         net.lora_rank_vae)
        self.encoder, self.quant_conv = net.vae.encoder, net.vae.quant_conv

    def forward(self, image, deg):
        self.modulate(deg)
        return self.quant_conv(self.encoder(image))


class Denoiser(Modulated):
    def __init__(self, net):
        targets = []
        for name, m in net.unet.named_modules():
            if name in net.unet_lora_layers:
                parts = name.split(".")
                if parts[0] == "down_blocks":
                    idx = int(parts[1])
                elif parts[0] == "mid_block":
                    idx = 4
                elif parts[0] == "up_blocks":
                    idx = int(parts[1]) + 5
                else:
                    idx = -1
                targets.append((m, idx))
        super().__init__(net.W, net.unet_de_mlp, net.unet_block_mlp, net.unet_fuse_mlp, net.unet_block_embeddings, targets,
                         net.lora_rank_unet)
        self.unet = net.unet

    def forward(self, x, t, text, deg):
        self.modulate(deg)
        return self.unet(x, t, encoder_hidden_states=text, return_dict=False)[0]


class VaeDecoder(nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, z):
        return self.vae.decode(z, return_dict=False)[0]


class Degradation(nn.Module):
    def __init__(self, net_de):
        super().__init__()
        self.net = net_de

    def forward(self, lr):
        return self.net(lr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sd-path", required=True, help="local sd-turbo diffusers folder")
    ap.add_argument("--pretrained", required=True, help="s3diff.pkl")
    ap.add_argument("--de-net", required=True, help="de_net.pth")
    ap.add_argument("--out", default="s3diff")
    ap.add_argument("--device", default="cpu", help="trace on cpu (portable) or cuda (for GPU use)")
    ap.add_argument("--tile", type=int, default=96, help="latent tile the runtime uses (the repository's default 96)")
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(os.getcwd(), "src"))
    from s3diff_tile import S3Diff  # the repository's own classes
    from de_net import DEResNet

    cfg = argparse.Namespace(lora_rank_unet=32, lora_rank_vae=16, latent_tiled_size=a.tile, latent_tiled_overlap=32,
                             vae_encoder_tiled_size=1024, vae_decoder_tiled_size=224, padding_offset=32,
                             pos_prompt=POS, neg_prompt=NEG, sd_path=a.sd_path, pretrained_path=a.pretrained)
    net = S3Diff(lora_rank_unet=32, lora_rank_vae=16, sd_path=a.sd_path, pretrained_path=a.pretrained, args=cfg)  # needs CUDA
    net.set_eval()
    for part in (net.vae.encoder, net.vae.decoder):  # drop the tiled-VAE hooks: the runtime feeds whole images
        if hasattr(part, "original_forward"):
            part.forward = part.original_forward
    dev = torch.device(a.device)
    net.to(dev).float()
    net_de = DEResNet(num_in_ch=3, num_degradation=2)
    net_de.load_model(a.de_net)
    net_de.to(dev).eval()

    out = a.out
    os.makedirs(os.path.join(out, "modules"), exist_ok=True)
    g = torch.Generator(device="cpu").manual_seed(0)

    def rnd(*shape):
        return torch.randn(*shape, generator=g).to(dev)

    deg_a = torch.tensor([[0.2, 0.7]], device=dev)
    deg_b = torch.tensor([[0.8, 0.1]], device=dev)

    with torch.no_grad():
        pos = net.text_encoder(C.tokens(net.tokenizer, POS, dev))[0]
        neg = net.text_encoder(C.tokens(net.tokenizer, NEG, dev))[0]

        deg_mod = Degradation(net_de)
        t_deg = C.trace(deg_mod, (torch.rand(1, 3, 64, 64, device=dev),), os.path.join(out, "modules/degradation.pt"), "degradation")
        C.verify("degradation", deg_mod, t_deg, [(torch.rand(1, 3, 48, 80, device=dev),), (torch.rand(1, 3, 96, 64, device=dev),)], 1e-4)

        enc = VaeEncoder(net)
        t_enc = C.trace(enc, (rnd(1, 3, 256, 256).clamp(-1, 1), deg_a), os.path.join(out, "modules/vae_encoder.pt"), "vae_encoder")
        img = rnd(1, 3, 192, 320).clamp(-1, 1)
        ea, eb = C.verify("vae_encoder", enc, t_enc, [(img, deg_a), (img, deg_b)], 1e-3)
        print(f"[verify] vae_encoder: output moves by {(ea - eb).abs().max().item():.3g} between the two degradation vectors")
        if not (ea - eb).abs().max().item() > 0:
            raise SystemExit("vae_encoder ignores deg: the modulation was frozen into the trace")

        den = Denoiser(net)
        t999 = torch.tensor([999], dtype=torch.long, device=dev)
        t_den = C.trace(den, (rnd(1, 4, 32, 32), t999, pos, deg_a), os.path.join(out, "modules/denoiser.pt"), "denoiser")
        z = rnd(1, 4, 24, 40)
        da, db = C.verify("denoiser", den, t_den, [(z, t999, pos, deg_b), (z, t999, neg, deg_a)], 1e-3)
        da2 = t_den(z, t999, pos, deg_a)
        print(f"[verify] denoiser: output moves by {(da - da2).abs().max().item():.3g} between the two degradation vectors")
        if not (da - da2).abs().max().item() > 0:
            raise SystemExit("denoiser ignores deg: the modulation was frozen into the trace")

        dec = VaeDecoder(net.vae)
        t_dec = C.trace(dec, (rnd(1, 4, 32, 32),), os.path.join(out, "modules/vae_decoder.pt"), "vae_decoder")
        C.verify("vae_decoder", dec, t_dec, [(rnd(1, 4, 24, 40),), (rnd(1, 4, 40, 16),)], 1e-3)

    emb = {"positive": C.write_f32(out, "constants/positive.f32", pos), "negative": C.write_f32(out, "constants/negative.f32", neg)}
    sched = dict(net.sched.config)
    engine = {
        "modules": {"degradation": "modules/degradation.pt", "vae_encoder": "modules/vae_encoder.pt",
                    "denoiser": "modules/denoiser.pt", "vae_decoder": "modules/vae_decoder.pt"},
        "denoiser_inputs": ["x", "t", "text", "deg"], "encoder_inputs": ["image", "deg"], "decoder_inputs": ["z"],
        "timestep": {"dtype": "int64", "batched": False},
        "preprocess": {"upsample": "torch_bilinear", "min_short_side": 0, "round": "pad", "multiple": 64},
        "text": {"mode": "constant", "embeddings": emb},
        "latent": {"channels": 4, "downscale": 8, "scaling_factor": float(net.vae.config.scaling_factor), "shift_factor": 0.0,
                   "sample_posterior": True},
        "init": {"type": "lr_latent"},
        "sampler": C.scheduler_fields(sched, type="one_step_eps", fixed_timestep=999, default_steps=1),
        "guidance": {"default": 1.07, "min": 1.0, "max": 1.1, "batching": "separate"},
        "tiling": {"latent_tile": a.tile, "overlap": 32},
        "color_fix": {"default": "wavelet"},
        "preview": {"latent_rgb": C.SD_LATENT_RGB, "bias": [0.0, 0.0, 0.0]},
    }
    manifest = {
        "id": "s3diff", "name": "S3Diff", "version": "exported " + os.path.basename(a.pretrained), "family": "one-step-diffusion",
        "format": "diffusion", "scales": [4], "speed": "medium",
        "knobs": {"guidance": {"defaultValue": 1.07, "min": 1.0, "max": 1.1}, "seed": {},
                  "tile_size": {"defaultValue": 0, "min": 0, "max": 4096},
                  "color_fix": {"choices": ["none", "adain", "wavelet"], "defaultText": "wavelet"}},
        "license": "code and weights: see the S3Diff repository; base SD-Turbo weights: Stability AI non-commercial research licence",
        "source": "https://github.com/ArcticHare105/S3Diff", "engine": engine,
    }
    C.write_manifest(out, manifest)
    print("[export] verified: degradation, vae_encoder (2 degradation vectors), denoiser (2 degradation vectors, both prompts), "
          "vae_decoder, each traced vs eager on inputs other than the tracing example")


if __name__ == "__main__":
    main()
