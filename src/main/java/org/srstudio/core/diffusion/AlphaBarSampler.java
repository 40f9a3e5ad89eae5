package org.srstudio.core.diffusion;

/** Shared state of the samplers that work on the discrete ᾱ table (DDPM, DDIM, DPM-Solver, LDM DDIM, one-step eps). */
abstract class AlphaBarSampler implements Sampler {
    protected final SamplerConfig config;
    protected final float[] alphasCumprod;
    protected final int[] timesteps;

    AlphaBarSampler(SamplerConfig config, float[] alphasCumprod, int[] timesteps) {
        this.config = config;
        this.alphasCumprod = alphasCumprod;
        this.timesteps = timesteps;
        for (int t : timesteps) {
            if (t < 0 || t >= config.numTrainTimesteps()) {
                throw new IllegalArgumentException("Sampler timestep " + t + " falls outside the training range 0 to "
                        + (config.numTrainTimesteps() - 1) + "; lower steps_offset or change the spacing.");
            }
        }
    }

    @Override
    public SamplerConfig config() {
        return config;
    }

    @Override
    public int steps() {
        return timesteps.length;
    }

    @Override
    public float timestep(int i) {
        return timesteps[i];
    }

    @Override
    public float initNoiseSigma() {
        return 1f;
    }

    @Override
    public float[] scaleModelInput(float[] x, int i) {
        return x;
    }

    @Override
    public float[] addNoise(float[] x0, float[] noise, double t) {
        return Latents.addNoiseAlphaBar(x0, noise, alphasCumprod[Latents.wholeTimestep(t, config.numTrainTimesteps())]);
    }

    /** ᾱ_t, for callers that need the schedule (for example XPSR's double noising). */
    public float alphaCumprod(int t) {
        return alphasCumprod[t];
    }
}
