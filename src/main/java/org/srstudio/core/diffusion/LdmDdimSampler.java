package org.srstudio.core.diffusion;

/**
 * The latent-diffusion DDIMSampler as MoESR runs it (ddim_moe.p_sample_ddim): uniform timesteps k·(T div N) + 1,
 * ᾱ_prev of the first step is ᾱ_0 (not 1), σ = η·sqrt((1 − ᾱ_prev)/(1 − ᾱ)·(1 − ᾱ/ᾱ_prev)) computed in float64 and
 * stored as float32, then x' = sqrt(ᾱ_prev)·x̂0 + sqrt(1 − ᾱ_prev − σ²)·ε + σ·z. Noise is drawn only when η &gt; 0.
 */
final class LdmDdimSampler extends AlphaBarSampler {
    private final float[] alphaPrev;
    private final float[] sigma;
    private final float[] sqrtOneMinusAlpha;

    LdmDdimSampler(SamplerConfig config, float[] alphasCumprod, int[] timesteps) {
        super(config, alphasCumprod, timesteps);
        int n = timesteps.length;
        alphaPrev = new float[n];
        sigma = new float[n];
        sqrtOneMinusAlpha = new float[n];
        for (int i = 0; i < n; i++) {
            float a = alphasCumprod[timesteps[i]];
            // timesteps run high → low, so the previous (smaller) DDIM timestep is the next entry.
            float ap = i + 1 < n ? alphasCumprod[timesteps[i + 1]] : alphasCumprod[0];
            alphaPrev[i] = ap;
            double ad = a;
            double apd = ap;
            sigma[i] = (float) (config.eta() * Math.sqrt((1 - apd) / (1 - ad) * (1 - ad / apd)));
            sqrtOneMinusAlpha[i] = (float) Math.sqrt(1f - a);
        }
    }

    @Override
    public float[] step(float[] modelOutput, int i, float[] x, NoiseSource noise) {
        Latents.requireSameLength(x, modelOutput, "model output");
        float a = alphasCumprod[timesteps[i]];
        float ap = alphaPrev[i];
        float s = sigma[i];
        float sqrtA = (float) Math.sqrt(a);
        float sq1m = sqrtOneMinusAlpha[i];
        float dir = (float) Math.sqrt(1f - ap - s * s);
        float sqrtAp = (float) Math.sqrt(ap);
        float[] out = new float[x.length];
        for (int k = 0; k < out.length; k++) {
            float x0 = (x[k] - sq1m * modelOutput[k]) / sqrtA;
            out[k] = sqrtAp * x0 + dir * modelOutput[k];
        }
        if (config.eta() > 0) {
            if (noise == null) {
                throw new IllegalArgumentException("DDIM with eta above 0 needs a noise source.");
            }
            float[] z = noise.next(x.length);
            for (int k = 0; k < out.length; k++) {
                out[k] = out[k] + s * z[k];
            }
        }
        return out;
    }
}
