package org.srstudio.core.diffusion;

/**
 * The deterministic stand-ins of tools/fixtures/make_sampler_reference.py (model_output, step_noise); the two
 * must stay identical. Computed in double from float inputs and rounded to float, as the script does.
 */
final class FixtureModel {
    private FixtureModel() {
    }

    /** 0.9·x_in[j] + 0.2·sin(0.37·j + 0.011·t). */
    static float[] output(float[] xIn, double t) {
        float[] out = new float[xIn.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) (0.9 * xIn[j] + 0.2 * Math.sin(0.37 * j + 0.011 * t));
        }
        return out;
    }

    /** The i-th noise draw: sqrt(2)·sin(1.7·i + 0.61·j + 0.3). */
    static float[] noise(int i, int length) {
        float[] out = new float[length];
        for (int j = 0; j < length; j++) {
            out[j] = (float) (Math.sqrt(2.0) * Math.sin(1.7 * i + 0.61 * j + 0.3));
        }
        return out;
    }

    /** A noise source that replays noise(0), noise(1), … and counts the draws. */
    static final class CountingNoise implements NoiseSource {
        int draws;

        @Override
        public void fill(float[] out) {
            float[] n = noise(draws++, out.length);
            System.arraycopy(n, 0, out, 0, out.length);
        }
    }
}
