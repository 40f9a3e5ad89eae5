package org.srstudio.core.diffusion;

/**
 * Standard-normal floats that depend only on the seed. Generator: SplitMix64 (Steele, Lea and Flood 2014; the
 * constants of {@code java.util.SplittableRandom}, written out so the sequence never depends on the JDK) gives
 * 64-bit words; Marsaglia and Tsang's ziggurat (2000, 128 layers, tail at r = 3.442619855899) turns each word into a
 * normal: the low 7 bits pick the layer and the high 32 bits, as a signed int, the point inside it (separate bits,
 * which avoids the index/value correlation of the original RNOR). About 98.8% of draws need one multiply; wedge
 * and tail draws take further words. Tables and the rare paths use StrictMath, so the sequence is identical on every
 * JVM and CPU. It does not reproduce torch's generator: tests that compare with Python pass the noise explicitly.
 * Not thread-safe: one instance per job.
 */
public final class SeededGaussianNoise implements NoiseSource {
    private static final int LAYERS = 128;
    private static final double R = 3.442619855899;
    private static final double V = 9.91256303526217e-3;
    private static final double M1 = 2147483648.0;
    private static final long[] KN = new long[LAYERS];
    private static final double[] WN = new double[LAYERS];
    private static final double[] FN = new double[LAYERS];

    static {
        double dn = R;
        double tn = dn;
        double q = V / StrictMath.exp(-0.5 * dn * dn);
        KN[0] = (long) ((dn / q) * M1);
        KN[1] = 0;
        WN[0] = q / M1;
        WN[LAYERS - 1] = dn / M1;
        FN[0] = 1.0;
        FN[LAYERS - 1] = StrictMath.exp(-0.5 * dn * dn);
        for (int i = LAYERS - 2; i >= 1; i--) {
            dn = StrictMath.sqrt(-2.0 * StrictMath.log(V / dn + StrictMath.exp(-0.5 * dn * dn)));
            KN[i + 1] = (long) ((dn / tn) * M1);
            tn = dn;
            FN[i] = StrictMath.exp(-0.5 * dn * dn);
            WN[i] = dn / M1;
        }
    }

    private long state;

    public SeededGaussianNoise(long seed) {
        this.state = seed;
    }

    /** The next SplitMix64 word. */
    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private double nextUniform() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53; // (0, 1], safe for log
    }

    public double nextGaussian() {
        while (true) {
            long u = nextLong();
            int iz = (int) (u & (LAYERS - 1));
            int hz = (int) (u >>> 32);
            if (Math.abs((long) hz) < KN[iz]) {
                return hz * WN[iz];
            }
            double x = hz * WN[iz];
            if (iz == 0) {
                // Tail beyond r: Marsaglia's exponential rejection.
                double tx;
                double ty;
                do {
                    tx = -StrictMath.log(nextUniform()) / R;
                    ty = -StrictMath.log(nextUniform());
                } while (ty + ty < tx * tx);
                return hz > 0 ? R + tx : -R - tx;
            }
            if (FN[iz] + nextUniform() * (FN[iz - 1] - FN[iz]) < StrictMath.exp(-0.5 * x * x)) {
                return x;
            }
        }
    }

    @Override
    public void fill(float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) nextGaussian();
        }
    }
}
