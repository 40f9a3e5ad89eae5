package org.srstudio.core.diffusion;

/**
 * Standard-normal numbers for the stochastic parts of sampling (ancestral DDPM noise, DDIM with eta &gt; 0, initial
 * latents). Samplers draw exactly one array per stochastic step, in step order, so a recorded sequence replays.
 */
@FunctionalInterface
public interface NoiseSource {
    /** Overwrites every element of {@code out} with the next draws. */
    void fill(float[] out);

    default float[] next(int length) {
        float[] out = new float[length];
        fill(out);
        return out;
    }

    /** Deterministic noise from a seed; see {@link SeededGaussianNoise} for the generator. */
    static NoiseSource seeded(long seed) {
        return new SeededGaussianNoise(seed);
    }
}
