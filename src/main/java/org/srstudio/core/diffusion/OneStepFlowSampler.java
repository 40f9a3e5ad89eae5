package org.srstudio.core.diffusion;

/**
 * diffusers FlowMatchEulerDiscreteScheduler with one inference step: σ = shift(t/T) with shift(s) = k·s/(1 + (k−1)·s),
 * then x' = x + (0 − σ)·v, i.e. x̂0 = x − σ·v. TSD-SR feeds t = 1000 (σ = 1) and its velocity prediction.
 */
final class OneStepFlowSampler implements Sampler {
    private final SamplerConfig config;
    private final float sigma;

    OneStepFlowSampler(SamplerConfig config) {
        this.config = config;
        this.sigma = shifted(config.fixedTimestep() / config.numTrainTimesteps());
    }

    private float shifted(double s) {
        double k = config.shift();
        return (float) (k * s / (1 + (k - 1) * s));
    }

    @Override
    public SamplerConfig config() {
        return config;
    }

    @Override
    public int steps() {
        return 1;
    }

    @Override
    public float timestep(int i) {
        if (i != 0) {
            throw new IndexOutOfBoundsException("A one-step sampler has only step 0, not " + i + ".");
        }
        return sigma * config.numTrainTimesteps();
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
    public float[] step(float[] modelOutput, int i, float[] x, NoiseSource noise) {
        Latents.requireSameLength(x, modelOutput, "model output");
        timestep(i);
        float dt = 0f - sigma;
        float[] out = new float[x.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = x[k] + dt * modelOutput[k];
        }
        return out;
    }

    @Override
    public float[] addNoise(float[] x0, float[] noise, double t) {
        Latents.requireSameLength(x0, noise, "noise");
        if (!(t >= 0 && t <= config.numTrainTimesteps())) {
            throw new IllegalArgumentException("Timestep " + t + " must lie between 0 and " + config.numTrainTimesteps() + ".");
        }
        float s = shifted(t / config.numTrainTimesteps());
        float[] out = new float[x0.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = s * noise[k] + (1f - s) * x0[k];
        }
        return out;
    }
}
