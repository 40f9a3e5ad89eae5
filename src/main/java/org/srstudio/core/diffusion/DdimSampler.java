package org.srstudio.core.diffusion;

/**
 * diffusers DDIMScheduler.step (use_clipped_model_output false). The previous timestep is t − T div N; below 0 it
 * uses final_alpha_cumprod, which is 1 with set_alpha_to_one and ᾱ_0 otherwise.
 */
final class DdimSampler extends AlphaBarSampler {
    private final int stride;
    private final float finalAlphaCumprod;

    DdimSampler(SamplerConfig config, float[] alphasCumprod, int[] timesteps) {
        super(config, alphasCumprod, timesteps);
        this.stride = config.numTrainTimesteps() / timesteps.length;
        this.finalAlphaCumprod = config.setAlphaToOne() ? 1f : alphasCumprod[0];
    }

    @Override
    public float[] step(float[] modelOutput, int i, float[] x, NoiseSource noise) {
        Latents.requireSameLength(x, modelOutput, "model output");
        int t = timesteps[i];
        int prevT = t - stride;
        float acT = alphasCumprod[t];
        float acPrev = prevT >= 0 ? alphasCumprod[prevT] : finalAlphaCumprod;
        float betaProdT = 1f - acT;
        float betaProdPrev = 1f - acPrev;
        float[] x0 = PredictionMath.originalSample(config.predictionType(), modelOutput, x, acT, betaProdT);
        float[] eps = PredictionMath.epsilon(config.predictionType(), modelOutput, x, x0, acT, betaProdT);
        if (config.clipSample()) {
            Latents.clamp(x0, (float) config.clipSampleRange());
        }
        float variance = (betaProdPrev / betaProdT) * (1f - acT / acPrev);
        float eta = (float) config.eta();
        float std = eta * (float) Math.sqrt(variance);
        float dir = (float) Math.sqrt(1f - acPrev - std * std);
        float sPrev = (float) Math.sqrt(acPrev);
        float[] out = new float[x.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = sPrev * x0[k] + dir * eps[k];
        }
        if (config.eta() > 0) {
            if (noise == null) {
                throw new IllegalArgumentException("DDIM with eta above 0 needs a noise source.");
            }
            float[] z = noise.next(x.length);
            for (int k = 0; k < out.length; k++) {
                out[k] = out[k] + std * z[k];
            }
        }
        return out;
    }
}
