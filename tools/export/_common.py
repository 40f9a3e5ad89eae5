"""Shared helpers of the export scripts: trace, compare traced vs eager, write the SR Studio folder.

The export scripts run inside each model's official repository environment (its Python, torch, diffusers and
checkpoints). They write one folder per model in the layout of docs/model-format.md ("diffusion" section); copy
that folder into SR Studio's models/ and the model appears in the picker.
"""
import hashlib
import json
import os

import torch


def trace(module, example, path, name):
    """Traces a tensor-only wrapper in eval mode, saves it and returns the loaded trace."""
    module.eval()
    with torch.no_grad():
        traced = torch.jit.trace(module, example, check_trace=False)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    traced.save(path)
    print(f"[export] {name}: saved {path} ({os.path.getsize(path) / 1e6:.1f} MB)")
    return torch.jit.load(path, map_location=example[0].device)


def verify(name, eager, traced, inputs_list, atol):
    """Runs eager and traced on each input set (different from the tracing example) and reports the worst difference."""
    outs = []
    with torch.no_grad():
        for k, inputs in enumerate(inputs_list):
            a = eager(*inputs)
            b = traced(*inputs)
            diff = (a.float() - b.float()).abs().max().item()
            print(f"[verify] {name}, input set {k + 1}: max |traced - eager| = {diff:.3g} (tolerance {atol:g})")
            if not diff <= atol:
                raise SystemExit(f"{name}: the trace differs from the eager model on input set {k + 1}")
            outs.append(b)
    return outs


def write_f32(folder, rel, tensor):
    path = os.path.join(folder, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tensor.detach().float().cpu().contiguous().numpy().astype("<f4").tofile(path)
    return {"file": rel, "shape": list(tensor.shape)}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_manifest(folder, manifest):
    """Lists every file of the folder with its sha256 and writes model.json."""
    files = []
    for root, _, names in os.walk(folder):
        for n in sorted(names):
            if n == "model.json":
                continue
            p = os.path.join(root, n)
            files.append({"path": os.path.relpath(p, folder).replace(os.sep, "/"), "sha256": sha256(p)})
    manifest["files"] = files
    with open(os.path.join(folder, "model.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"[export] wrote {os.path.join(folder, 'model.json')} with {len(files)} files")


def save_tokenizer(tokenizer, folder, rel="tokenizer.json"):
    """Saves a fast tokenizer's tokenizer.json and returns the framing ids the runtime needs."""
    fast = tokenizer if getattr(tokenizer, "is_fast", False) else None
    if fast is None:
        from transformers import CLIPTokenizerFast
        fast = CLIPTokenizerFast.from_pretrained(tokenizer.name_or_path)
    fast.backend_tokenizer.save(os.path.join(folder, rel))
    pad = fast.pad_token_id if fast.pad_token_id is not None else fast.eos_token_id
    return {"tokenizer": rel, "max_length": int(fast.model_max_length) if fast.model_max_length < 10000 else 77,
            "bos_id": int(fast.bos_token_id), "eos_id": int(fast.eos_token_id), "pad_id": int(pad)}


def tokens(tokenizer, prompt, device):
    return tokenizer(prompt, max_length=tokenizer.model_max_length, padding="max_length", truncation=True,
                     return_tensors="pt").input_ids.to(device)


def scheduler_fields(config, **extra):
    """The sampler object of model.json from a diffusers scheduler config (read from the checkpoint, not assumed)."""
    keys = ["num_train_timesteps", "beta_schedule", "beta_start", "beta_end", "prediction_type", "timestep_spacing",
            "steps_offset", "clip_sample", "clip_sample_range", "set_alpha_to_one"]
    out = {k: config[k] for k in keys if k in config and config[k] is not None}
    out.update(extra)
    return out


SD_LATENT_RGB = [[0.298, 0.187, -0.158, -0.184], [0.207, 0.286, 0.189, -0.271], [0.208, 0.173, 0.264, -0.473]]
"""Approximate SD-1.x/2.x latent-to-RGB factors (community values) for the per-step preview."""
