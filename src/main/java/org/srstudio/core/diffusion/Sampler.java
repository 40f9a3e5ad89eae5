package org.srstudio.core.diffusion;

/**
 * One sampling run: a fixed list of timesteps and the update that turns the denoiser's output at step {@code i}
 * into the next latent. Latents are flat float arrays in the engine's layout (any shape; the maths is
 * element-wise), so samplers run without an engine. Arithmetic mirrors diffusers' float32 tensor maths operation by
 * operation (scalars in float, element-wise in float), so results match diffusers to float32 rounding.
 *
 * <p>Instances are single-use and not thread-safe: multistep samplers keep the previous model outputs, so
 * {@link #step} must be called for i = 0, 1, … in order. Arrays passed in are never modified; {@link #step} and
 * {@link #addNoise} return new arrays, {@link #scaleModelInput} may return its argument when it is the identity.
 */
public interface Sampler {
    SamplerConfig config();

    /** Number of denoiser calls this run makes. */
    int steps();

    /** The value fed to the denoiser as its timestep at step {@code i} (whole numbers except for Euler linspace and flow). */
    float timestep(int i);

    /** All timesteps, a copy. */
    default float[] timesteps() {
        float[] t = new float[steps()];
        for (int i = 0; i < t.length; i++) {
            t[i] = timestep(i);
        }
        return t;
    }

    /** Factor for a unit-variance starting noise (Euler: the largest sigma; otherwise 1). */
    float initNoiseSigma();

    /** The denoiser's input at step {@code i} (identity except Euler, which divides by sqrt(sigma² + 1)). */
    float[] scaleModelInput(float[] x, int i);

    /**
     * The latent after step {@code i}. {@code noise} is used only by stochastic updates (DDPM with t &gt; 0, DDIM and
     * LDM DDIM with eta &gt; 0), one {@link NoiseSource#fill} per such step; it may be null otherwise.
     */
    float[] step(float[] modelOutput, int i, float[] x, NoiseSource noise);

    /**
     * The forward process at training timestep {@code t}: sqrt(ᾱ_t)·x0 + sqrt(1 − ᾱ_t)·noise for the DDPM family
     * (t whole, 0 ≤ t &lt; T), x0 + σ(t)·noise for Euler, σ·noise + (1 − σ)·x0 with σ = t/T (shifted) for flow.
     */
    float[] addNoise(float[] x0, float[] noise, double t);
}
