package org.srstudio.core.diffusion;

/**
 * diffusers DDPMScheduler.step with variance_type fixed_small. The previous timestep is t − T div N whatever the
 * spacing (as diffusers does). Also the one-step eps sampler (S3Diff): N = 1 from a fixed t, so ᾱ_prev = 1 and the
 * result is x̂0; there diffusers adds sqrt(1e-20)·z = 1e-10·z, which this port leaves out so no noise is needed.
 */
final class DdpmSampler extends AlphaBarSampler {
    private final int stride;
    private final boolean addsNoise;

    DdpmSampler(SamplerConfig config, float[] alphasCumprod, int[] timesteps, int inferenceSteps, boolean addsNoise) {
        super(config, alphasCumprod, timesteps);
        this.stride = config.numTrainTimesteps() / inferenceSteps;
        this.addsNoise = addsNoise;
    }

    @Override
    public float[] step(float[] modelOutput, int i, float[] x, NoiseSource noise) {
        Latents.requireSameLength(x, modelOutput, "model output");
        int t = timesteps[i];
        int prevT = t - stride;
        float acT = alphasCumprod[t];
        float acPrev = prevT >= 0 ? alphasCumprod[prevT] : 1f;
        float betaProdT = 1f - acT;
        float betaProdPrev = 1f - acPrev;
        float curAlpha = acT / acPrev;
        float curBeta = 1f - curAlpha;
        float[] x0 = PredictionMath.originalSample(config.predictionType(), modelOutput, x, acT, betaProdT);
        if (config.clipSample()) {
            Latents.clamp(x0, (float) config.clipSampleRange());
        }
        float cX0 = (float) Math.sqrt(acPrev) * curBeta / betaProdT;
        float cX = (float) Math.sqrt(curAlpha) * betaProdPrev / betaProdT;
        float[] out = new float[x.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = cX0 * x0[k] + cX * x[k];
        }
        if (t > 0 && addsNoise) {
            if (noise == null) {
                throw new IllegalArgumentException("DDPM sampling needs a noise source for its stochastic term.");
            }
            float variance = Math.max(betaProdPrev / betaProdT * curBeta, 1e-20f);
            float std = (float) Math.sqrt(variance);
            float[] z = noise.next(x.length);
            for (int k = 0; k < out.length; k++) {
                out[k] = out[k] + std * z[k];
            }
        }
        return out;
    }
}
