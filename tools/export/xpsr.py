#!/usr/bin/env python3
"""Export XPSR (qyp2000/XPSR) to an SR Studio diffusion folder.

UNRUN: written from the repository's code (test.py load_xpsr_pipeline, pipelines/pipeline_xpsr.py) without the
weights at hand. Run it from the XPSR repository root, in its environment:

    python /path/to/srstudio/tools/export/xpsr.py --sd15 checkpoints/stable-diffusion-v1-5 \
        --xpsr runs/xpsr/checkpoint-300000 --out xpsr [--device cuda]

Modules: text_encoder.pt (CLIP-L, ids → last hidden state) with tokenizer.json for run-time prompts,
vae_encoder.pt (encoder + quant_conv → moments), denoiser.pt (ControlNet and UNet fused: x, t, text, low, ctrl,
cond_scale → ε, so the 13 residual tensors never leave TorchScript) and vae_decoder.pt. The ControlNet is called
with conditioning_scale 1 and its residuals are multiplied by the cond_scale tensor, which is what the ControlNet
does with its float argument. Attention is switched to torch's scaled_dot_product_attention (xformers ops do not
exist in libtorch). The runtime pads images to a multiple of 64 px so latents are multiples of 8, as the UNet was
traced (the repository floors to 8 px instead).
"""
import argparse
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as C  # noqa: E402

ADDED = "clean, high-resolution, 8k, high quality, clear text."
NEGATIVE = "blurry, dotted, noise, raster lines, unclear, lowres, over-smoothed."
LOW_NEGATIVE = "high resolution, best quality, clear"


class TextEncoder(nn.Module):
    def __init__(self, te):
        super().__init__()
        self.te = te

    def forward(self, ids):
        return self.te(ids)[0]


class VaeEncoder(nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.encoder, self.quant_conv = vae.encoder, vae.quant_conv

    def forward(self, image):
        return self.quant_conv(self.encoder(image))


class VaeDecoder(nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, z):
        return self.vae.decode(z, return_dict=False)[0]


class Denoiser(nn.Module):
    def __init__(self, controlnet, unet):
        super().__init__()
        self.controlnet, self.unet = controlnet, unet

    def forward(self, x, t, text, low, ctrl, cond_scale):
        _, _, down, mid, _ = self.controlnet(x, t, encoder_hidden_states=text, lowlevel_encoder_hidden_states=low,
                                             controlnet_cond=ctrl, conditioning_scale=1.0, guess_mode=False, return_dict=False)
        down = [d * cond_scale for d in down]
        mid = mid * cond_scale
        return self.unet(x, t, encoder_hidden_states=text, lowlevel_encoder_hidden_states=low,
                         down_block_additional_residuals=down, mid_block_additional_residual=mid, return_dict=False)[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sd15", required=True, help="stable-diffusion-v1-5 diffusers folder")
    ap.add_argument("--xpsr", required=True, help="XPSR checkpoint folder with unet/ and controlnet/")
    ap.add_argument("--out", default="xpsr")
    ap.add_argument("--device", default="cpu")
    a = ap.parse_args()
    sys.path.insert(0, os.getcwd())
    from diffusers import AutoencoderKL, DDPMScheduler
    from transformers import CLIPTextModel, CLIPTokenizerFast
    from models.xpsr.unet_2d_condition import UNet2DConditionModel
    from models.xpsr.controlnet import ControlNetModel

    dev = torch.device(a.device)
    scheduler = DDPMScheduler.from_pretrained(a.sd15, subfolder="scheduler")
    te = CLIPTextModel.from_pretrained(a.sd15, subfolder="text_encoder").to(dev).eval()
    tok = CLIPTokenizerFast.from_pretrained(a.sd15, subfolder="tokenizer")
    vae = AutoencoderKL.from_pretrained(a.sd15, subfolder="vae").to(dev).eval()
    unet = UNet2DConditionModel.from_pretrained(a.xpsr, subfolder="unet").to(dev).eval()
    controlnet = ControlNetModel.from_pretrained(a.xpsr, subfolder="controlnet").to(dev).eval()
    try:
        from diffusers.models.attention_processor import AttnProcessor2_0
        unet.set_attn_processor(AttnProcessor2_0())
        controlnet.set_attn_processor(AttnProcessor2_0())
        print("[export] attention: torch scaled_dot_product_attention")
    except Exception as e:  # older diffusers or custom processors: keep what the models use
        print(f"[export] attention processors left as loaded ({e})")

    out = a.out
    g = torch.Generator().manual_seed(0)

    def rnd(*shape):
        return torch.randn(*shape, generator=g).to(dev)

    with torch.no_grad():
        fast_info = C.save_tokenizer(tok, out)
        ids_a = C.tokens(tok, "a photo of a cat " + ADDED, dev)
        ids_b = C.tokens(tok, NEGATIVE, dev)
        te_w = TextEncoder(te)
        t_te = C.trace(te_w, (ids_a,), os.path.join(out, "modules/text_encoder.pt"), "text_encoder")
        C.verify("text_encoder", te_w, t_te, [(ids_b,), (C.tokens(tok, LOW_NEGATIVE, dev),)], 1e-4)

        enc = VaeEncoder(vae)
        t_enc = C.trace(enc, (rnd(1, 3, 512, 512).clamp(-1, 1),), os.path.join(out, "modules/vae_encoder.pt"), "vae_encoder")
        C.verify("vae_encoder", enc, t_enc, [(rnd(1, 3, 384, 640).clamp(-1, 1),), (rnd(1, 3, 640, 512).clamp(-1, 1),)], 1e-3)

        den = Denoiser(controlnet, unet)
        text = torch.cat([te(ids_b)[0], te(ids_a)[0]])
        low = torch.cat([te(C.tokens(tok, LOW_NEGATIVE, dev))[0], te(C.tokens(tok, "good quality", dev))[0]])
        example = (rnd(2, 4, 64, 64), torch.tensor([951], device=dev), text, low, torch.rand(2, 3, 512, 512, device=dev),
                   torch.tensor([1.0], device=dev))
        t_den = C.trace(den, example, os.path.join(out, "modules/denoiser.pt"), "denoiser")
        C.verify("denoiser", den, t_den, [
            (rnd(2, 4, 48, 80), torch.tensor([501], device=dev), text, low, torch.rand(2, 3, 384, 640, device=dev),
             torch.tensor([1.0], device=dev)),
            (rnd(1, 4, 64, 40), torch.tensor([51], device=dev), text[1:], low[1:], torch.rand(1, 3, 512, 320, device=dev),
             torch.tensor([0.5], device=dev))], 2e-3)

        dec = VaeDecoder(vae)
        t_dec = C.trace(dec, (rnd(1, 4, 64, 64),), os.path.join(out, "modules/vae_decoder.pt"), "vae_decoder")
        C.verify("vae_decoder", dec, t_dec, [(rnd(1, 4, 48, 80),), (rnd(1, 4, 80, 48),)], 1e-3)

    text_spec = {"mode": "runtime", "low_negative_prompt": LOW_NEGATIVE}
    text_spec.update(fast_info)
    engine = {
        "modules": {"text_encoder": "modules/text_encoder.pt", "vae_encoder": "modules/vae_encoder.pt",
                    "denoiser": "modules/denoiser.pt", "vae_decoder": "modules/vae_decoder.pt"},
        "denoiser_inputs": ["x", "t", "text", "low", "ctrl", "cond_scale"], "encoder_inputs": ["image"], "decoder_inputs": ["z"],
        "timestep": {"dtype": "int64", "batched": False},
        "preprocess": {"upsample": "torch_bicubic", "min_short_side": 512, "round": "pad", "multiple": 64},
        "text": text_spec,
        "latent": {"channels": 4, "downscale": 8, "scaling_factor": float(vae.config.scaling_factor), "shift_factor": 0.0,
                   "sample_posterior": True},
        "init": {"type": "noised_lr_latent", "extra_noise_t": 800},
        "sampler": C.scheduler_fields(dict(scheduler.config), type="ddpm", default_steps=20),
        "guidance": {"default": 4.5, "min": 1.0, "max": 15.0, "batching": "concat"},
        "control": {"conditioning_scale": 1.0},
        "tiling": {"latent_tile": 320, "overlap": 8},
        "color_fix": {"default": "adain"},
        "preview": {"latent_rgb": C.SD_LATENT_RGB, "bias": [0.0, 0.0, 0.0]},
    }
    manifest = {
        "id": "xpsr", "name": "XPSR", "version": "exported " + os.path.basename(a.xpsr.rstrip("/")), "family": "multi-step-diffusion",
        "format": "diffusion", "scales": [4], "speed": "slow",
        "knobs": {"prompt": {"defaultText": ADDED}, "prompt_low": {"defaultText": ""}, "negative_prompt": {"defaultText": NEGATIVE},
                  "guidance": {"defaultValue": 4.5, "min": 1.0, "max": 15.0}, "steps": {"defaultValue": 20, "min": 1, "max": 200},
                  "seed": {}, "tile_size": {"defaultValue": 0, "min": 0, "max": 4096},
                  "color_fix": {"choices": ["none", "adain", "wavelet"], "defaultText": "adain"}},
        "license": "code and weights: see the XPSR repository; base SD-1.5 weights: CreativeML OpenRAIL-M",
        "source": "https://github.com/qyp2000/XPSR", "engine": engine,
    }
    C.write_manifest(out, manifest)
    print("[export] verified: text_encoder, vae_encoder, denoiser (batch 2 and 1, two timesteps, cond_scale 1 and 0.5), "
          "vae_decoder, each traced vs eager on inputs other than the tracing example")


if __name__ == "__main__":
    main()
