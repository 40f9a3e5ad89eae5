package org.srstudio.core.diffusion;

/**
 * diffusers EulerDiscreteScheduler with s_churn = 0, interpolation linear, final sigma 0. σ(t) = sqrt((1 − ᾱ)/ᾱ)
 * (float32), linearly interpolated at the (possibly fractional) timesteps in float64 and stored as float32.
 */
final class EulerSampler implements Sampler {
    private final SamplerConfig config;
    private final float[] timesteps;
    private final float[] fullSigmas;
    private final float[] sigmas;
    private final float initNoiseSigma;

    EulerSampler(SamplerConfig config, float[] alphasCumprod, float[] timesteps) {
        this.config = config;
        this.timesteps = timesteps;
        int trainSteps = alphasCumprod.length;
        fullSigmas = new float[trainSteps];
        for (int t = 0; t < trainSteps; t++) {
            float ac = alphasCumprod[t];
            fullSigmas[t] = (float) Math.sqrt((1f - ac) / ac);
        }
        sigmas = new float[timesteps.length + 1];
        float max = 0f;
        for (int i = 0; i < timesteps.length; i++) {
            if (timesteps[i] < 0 || timesteps[i] > trainSteps - 1) {
                throw new IllegalArgumentException("Sampler timestep " + timesteps[i] + " falls outside the training range 0 to "
                        + (trainSteps - 1) + "; lower steps_offset or change the spacing.");
            }
            sigmas[i] = (float) interp(timesteps[i]);
            max = Math.max(max, sigmas[i]);
        }
        sigmas[timesteps.length] = 0f;
        TimestepSpacing sp = config.timestepSpacing();
        initNoiseSigma = sp == TimestepSpacing.LINSPACE || sp == TimestepSpacing.TRAILING
                ? max : (float) Math.sqrt(max * max + 1f);
    }

    /** numpy.interp over the integer grid 0..T−1. */
    private double interp(double t) {
        int j = (int) Math.floor(t);
        if (j >= fullSigmas.length - 1) {
            return fullSigmas[fullSigmas.length - 1];
        }
        double slope = ((double) fullSigmas[j + 1] - fullSigmas[j]);
        return slope * (t - j) + fullSigmas[j];
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
        return initNoiseSigma;
    }

    /** The sigma at step {@code i} (i = steps() gives the final 0). */
    public float sigma(int i) {
        return sigmas[i];
    }

    @Override
    public float[] scaleModelInput(float[] x, int i) {
        float s = sigmas[i];
        float d = (float) Math.sqrt(s * s + 1f);
        float[] out = new float[x.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = x[k] / d;
        }
        return out;
    }

    @Override
    public float[] step(float[] modelOutput, int i, float[] x, NoiseSource noise) {
        Latents.requireSameLength(x, modelOutput, "model output");
        float sigma = sigmas[i];
        float dt = sigmas[i + 1] - sigma;
        float[] out = new float[x.length];
        switch (config.predictionType()) {
            case EPSILON -> {
                for (int k = 0; k < out.length; k++) {
                    float x0 = x[k] - sigma * modelOutput[k];
                    out[k] = x[k] + (x[k] - x0) / sigma * dt;
                }
            }
            case V_PREDICTION -> {
                float s2 = sigma * sigma + 1f;
                float c = -sigma / (float) Math.sqrt(s2);
                for (int k = 0; k < out.length; k++) {
                    float x0 = modelOutput[k] * c + x[k] / s2;
                    out[k] = x[k] + (x[k] - x0) / sigma * dt;
                }
            }
            case SAMPLE -> {
                for (int k = 0; k < out.length; k++) {
                    out[k] = x[k] + (x[k] - modelOutput[k]) / sigma * dt;
                }
            }
            default -> throw new IllegalStateException("unreachable");
        }
        return out;
    }

    @Override
    public float[] addNoise(float[] x0, float[] noise, double t) {
        Latents.requireSameLength(x0, noise, "noise");
        if (!(t >= 0 && t <= fullSigmas.length - 1)) {
            throw new IllegalArgumentException("Timestep " + t + " must lie between 0 and " + (fullSigmas.length - 1) + ".");
        }
        float s = (float) interp(t);
        float[] out = new float[x0.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = x0[k] + noise[k] * s;
        }
        return out;
    }
}
