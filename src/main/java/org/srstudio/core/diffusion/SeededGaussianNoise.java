package org.srstudio.core.diffusion;

/**
 * Standard-normal floats that depend only on the seed: SplitMix64 (Steele, Lea and Flood 2014; the constants of
 * {@code java.util.SplittableRandom}, written out here so the sequence never depends on the JDK) gives 64-bit
 * words, the top 53 bits make uniform doubles U, and Marsaglia's polar method turns pairs u = 2U₁ − 1, v = 2U₂ − 1
 * (rejected unless 0 &lt; s = u² + v² &lt; 1) into two normals {@code u·m, v·m} with {@code m = sqrt(-2 ln s / s)},
 * rounded to float. StrictMath keeps the sequence identical on every JVM and CPU; the polar method avoids the sine
 * and cosine of Box–Muller. It does not reproduce torch's generator: tests that compare with Python pass the noise
 * explicitly. Not thread-safe: one instance per job.
 */
public final class SeededGaussianNoise implements NoiseSource {
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
        double u;
        double v;
        double s;
        do {
            u = 2 * ((nextLong() >>> 11) * UNIT) - 1;
            v = 2 * ((nextLong() >>> 11) * UNIT) - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }

    @Override
    public void fill(float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) nextGaussian();
        }
    }
}
