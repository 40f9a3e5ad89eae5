package org.srstudio.core.diffusion;

/** Creates a {@link Sampler} for one run from a {@link SamplerConfig}. */
public final class Samplers {
    private Samplers() {
    }

    /** A run with the config's default number of steps. */
    public static Sampler create(SamplerConfig config) {
        return create(config, config.defaultSteps());
    }

    /** A run of {@code steps} denoiser calls (one-step samplers accept only 1). */
    public static Sampler create(SamplerConfig config, int steps) {
        return new SamplerFactory(config).create(steps);
    }
}
