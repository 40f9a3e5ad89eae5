package org.srstudio.core.diffusion;

/**
 * Standard-normal floats that depend only on the seed: SplitMix64 (Steele, Lea and Flood 2014; the constants of
 * {@code java.util.SplittableRandom}, written out here so the sequence never depends on the JDK) gives 64-bit
 * words, the top 53 bits make uniform doubles, and the Box–Muller transform turns each pair (u1 in (0,1], u2 in
 * [0,1)) into two normals {@code r·cos θ, r·sin θ} with {@code r = sqrt(-2 ln u1)}, {@code θ = 2π·u2}, rounded to
 * float. It does not reproduce torch's generator; tests that compare with Python pass the noise explicitly.
 * Not thread-safe: one instance per job.
 */
public final class SeededGaussianNoise implements NoiseSource {
    private static final double TWO_PI = 2 * Math.PI;
    private static final double UNIT = 0x1.0p-53;

    private long state;
    private double spare;
    private boolean hasSpare;

    public SeededGaussianNoise(long seed) {
        this.state = seed;
    }

    private long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = ((nextLong() >>> 11) + 1) * UNIT;
        double u2 = (nextLong() >>> 11) * UNIT;
        double r = Math.sqrt(-2.0 * Math.log(u1));
        double theta = TWO_PI * u2;
        spare = r * Math.sin(theta);
        hasSpare = true;
        return r * Math.cos(theta);
    }

    @Override
    public void fill(float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) nextGaussian();
        }
    }
}
