#!/usr/bin/env python3
"""Export TSD-SR (Microtreei/TSD-SR) to an SR Studio diffusion folder.

UNRUN: written from the repository's test/test_tsdsr.py without the weights at hand. Run it from the TSD-SR
repository root, in its environment:

    python /path/to/srstudio/tools/export/tsdsr.py --sd3 checkpoint/sd3 --lora-dir checkpoint/tsdsr \
        --embedding-dir dataset/default --out tsd-sr [--device cuda] [--dtype float16]

Modules: vae_encoder.pt (SD3 VAE encoder with the TSD-SR LoRA → moments), denoiser.pt (SD3 transformer with the
LoRA: x, t, prompt_embeds, pooled → v) traced at the fixed 64×64 latent tile (the transformer's patch embedding
crops its position table from Python ints, so a trace only serves the traced size; the runtime always tiles at
64 and sends images of at least 512 px), vae_decoder.pt, and prompt_embeds/pool_embeds as constants. No shift
factor is applied, as TSD-SR trains and tests without it.
"""
import argparse
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as C  # noqa: E402

TRANSFORMER_TARGETS = ["to_k", "to_q", "to_v", "to_out.0", "add_q_proj", "add_k_proj", "add_v_proj", "proj", "linear", "proj_out"]


class VaeEncoder(nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, image):
        h = self.vae.encoder(image)
        return self.vae.quant_conv(h) if getattr(self.vae, "quant_conv", None) is not None else h


class VaeDecoder(nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, z):
        return self.vae.decode(z, return_dict=False)[0]


class Denoiser(nn.Module):
    def __init__(self, transformer):
        super().__init__()
        self.transformer = transformer

    def forward(self, x, t, text, pooled):
        return self.transformer(hidden_states=x, timestep=t, encoder_hidden_states=text, pooled_projections=pooled,
                                return_dict=False)[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sd3", required=True, help="stable-diffusion-3-medium diffusers folder")
    ap.add_argument("--lora-dir", required=True, help="folder with transformer.safetensors and vae.safetensors")
    ap.add_argument("--embedding-dir", required=True, help="folder with prompt_embeds.pt and pool_embeds.pt")
    ap.add_argument("--out", default="tsd-sr")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--dtype", default="float32", choices=["float32", "float16"])
    ap.add_argument("--rank", type=int, default=64)
    a = ap.parse_args()
    sys.path.insert(0, os.getcwd())
    from diffusers import SD3Transformer2DModel, StableDiffusion3Pipeline
    from peft import LoraConfig
    from models.autoencoder_kl import AutoencoderKL  # the repository's VAE with adapter support
    from utils.util import load_lora_state_dict

    dev = torch.device(a.device)
    transformer = SD3Transformer2DModel.from_pretrained(a.sd3, subfolder="transformer")
    vae = AutoencoderKL.from_pretrained(a.sd3, subfolder="vae")
    transformer.add_adapter(LoraConfig(r=a.rank, lora_alpha=a.rank, init_lora_weights="gaussian", target_modules=TRANSFORMER_TARGETS))
    # test_tsdsr.py names the encoder's convolutions, attention projections and quant_conv one by one; every
    # Conv2d/Linear of the encoder is a superset, and extra adapters start at zero so they change nothing.
    vae_targets = [n for n, m in vae.named_modules() if (n.startswith("encoder.") and isinstance(m, (nn.Conv2d, nn.Linear)))
                   or n == "quant_conv"]
    vae.add_adapter(LoraConfig(r=a.rank, lora_alpha=a.rank, init_lora_weights="gaussian", target_modules=vae_targets))
    vae.enable_adapters()
    load_lora_state_dict(StableDiffusion3Pipeline.lora_state_dict(a.lora_dir, weight_name="vae.safetensors"), vae)
    load_lora_state_dict(StableDiffusion3Pipeline.lora_state_dict(a.lora_dir, weight_name="transformer.safetensors"), transformer)
    dtype = getattr(torch, a.dtype)
    transformer.to(dev, dtype=dtype).eval()
    vae.to(dev, dtype=dtype).eval()
    prompt = torch.load(os.path.join(a.embedding_dir, "prompt_embeds.pt"), map_location=dev).to(dtype)
    pooled = torch.load(os.path.join(a.embedding_dir, "pool_embeds.pt"), map_location=dev).to(dtype)

    out = a.out
    g = torch.Generator().manual_seed(0)

    def rnd(*shape):
        return torch.randn(*shape, generator=g).to(dev, dtype)

    tol = 1e-3 if dtype == torch.float32 else 2e-2
    c = vae.config.latent_channels
    with torch.no_grad():
        enc = VaeEncoder(vae)
        t_enc = C.trace(enc, (rnd(1, 3, 512, 512).clamp(-1, 1),), os.path.join(out, "modules/vae_encoder.pt"), "vae_encoder")
        C.verify("vae_encoder", enc, t_enc, [(rnd(1, 3, 384, 640).clamp(-1, 1),), (rnd(1, 3, 640, 512).clamp(-1, 1),)], tol)
        den = Denoiser(transformer)
        t1000 = torch.tensor([1000.0], device=dev, dtype=dtype)
        t_den = C.trace(den, (rnd(1, c, 64, 64), t1000, prompt, pooled), os.path.join(out, "modules/denoiser.pt"), "denoiser")
        C.verify("denoiser", den, t_den, [(rnd(1, c, 64, 64), t1000, prompt, pooled),
                                          (rnd(1, c, 64, 64) * 0.5, t1000, prompt, pooled)], tol)
        dec = VaeDecoder(vae)
        t_dec = C.trace(dec, (rnd(1, c, 64, 64),), os.path.join(out, "modules/vae_decoder.pt"), "vae_decoder")
        C.verify("vae_decoder", dec, t_dec, [(rnd(1, c, 48, 80),), (rnd(1, c, 80, 48),)], tol)

    emb = {"positive": C.write_f32(out, "constants/prompt_embeds.f32", prompt), "pooled": C.write_f32(out, "constants/pool_embeds.f32", pooled)}
    engine = {
        "modules": {"vae_encoder": "modules/vae_encoder.pt", "denoiser": "modules/denoiser.pt", "vae_decoder": "modules/vae_decoder.pt"},
        "denoiser_inputs": ["x", "t", "text", "pooled"], "encoder_inputs": ["image"], "decoder_inputs": ["z"],
        "timestep": {"dtype": "float32", "batched": True},
        "preprocess": {"upsample": "torch_bicubic", "min_short_side": 512, "round": "floor", "multiple": 16},
        "text": {"mode": "constant", "embeddings": emb},
        "latent": {"channels": c, "downscale": 8, "scaling_factor": float(vae.config.scaling_factor), "shift_factor": 0.0,
                   "sample_posterior": True},
        "init": {"type": "lr_latent"},
        "sampler": {"type": "one_step_flow", "prediction_type": "v_prediction", "fixed_timestep": 1000.0, "default_steps": 1, "shift": 1.0},
        "tiling": {"latent_tile": 64, "overlap": 8},
        "color_fix": {"default": "wavelet"},
    }
    if dtype != torch.float32:
        engine["note"] = "float16 modules: the runtime feeds float32 tensors, so export float32 for CPU use"
    manifest = {
        "id": "tsd-sr", "name": "TSD-SR", "version": "exported " + os.path.basename(a.lora_dir.rstrip("/")), "family": "one-step-diffusion",
        "format": "diffusion", "scales": [4], "speed": "medium",
        "knobs": {"seed": {}, "color_fix": {"choices": ["none", "adain", "wavelet"], "defaultText": "wavelet"}},
        "license": "code and weights: see the TSD-SR repository; base SD3-medium weights: Stability AI community licence",
        "source": "https://github.com/Microtreei/TSD-SR", "engine": engine,
    }
    C.write_manifest(out, manifest)
    print("[export] verified: vae_encoder, denoiser (two latents at the 64x64 tile), vae_decoder, traced vs eager")


if __name__ == "__main__":
    main()
