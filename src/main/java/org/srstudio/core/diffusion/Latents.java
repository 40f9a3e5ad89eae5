package org.srstudio.core.diffusion;

/** Element-wise helpers on flat float latents. */
final class Latents {
    private Latents() {
    }

    static void requireSameLength(float[] a, float[] b, String what) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("The " + what + " has " + b.length + " values but the latent has " + a.length + ".");
        }
    }

    static float[] clamp(float[] v, float range) {
        for (int k = 0; k < v.length; k++) {
            float e = v[k];
            v[k] = e < -range ? -range : (e > range ? range : e);
        }
        return v;
    }

    /** sqrt(ᾱ)·x0 + sqrt(1 − ᾱ)·noise in float32, as diffusers' DDPM/DDIM add_noise. */
    static float[] addNoiseAlphaBar(float[] x0, float[] noise, float alphaBar) {
        requireSameLength(x0, noise, "noise");
        float a = (float) Math.sqrt(alphaBar);
        float b = (float) Math.sqrt(1f - alphaBar);
        float[] out = new float[x0.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = a * x0[k] + b * noise[k];
        }
        return out;
    }

    static int wholeTimestep(double t, int trainSteps) {
        if (t != Math.rint(t) || t < 0 || t >= trainSteps) {
            throw new IllegalArgumentException("Timestep " + t + " must be a whole number from 0 to " + (trainSteps - 1) + ".");
        }
        return (int) t;
    }
}
