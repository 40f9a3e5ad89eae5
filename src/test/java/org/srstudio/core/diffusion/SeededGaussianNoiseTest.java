package org.srstudio.core.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeededGaussianNoiseTest {
    @Test
    void sameSeedGivesSameSequence() {
        assertThat(NoiseSource.seeded(42).next(1000)).containsExactly(NoiseSource.seeded(42).next(1000));
    }

    @Test
    void differentSeedsDiffer() {
        assertThat(NoiseSource.seeded(1).next(16)).isNotEqualTo(NoiseSource.seeded(2).next(16));
    }

    @Test
    void sequenceDoesNotDependOnChunkSize() {
        NoiseSource chunked = NoiseSource.seeded(7);
        float[] a = chunked.next(3);
        float[] b = chunked.next(8);
        float[] whole = NoiseSource.seeded(7).next(11);
        float[] joined = new float[11];
        System.arraycopy(a, 0, joined, 0, 3);
        System.arraycopy(b, 0, joined, 3, 8);
        assertThat(joined).containsExactly(whole);
    }

    @Test
    void drawsAreStandardNormal() {
        float[] v = NoiseSource.seeded(123).next(400_000);
        double sum = 0;
        double sq = 0;
        int beyond2 = 0;
        for (float f : v) {
            sum += f;
            sq += f * f;
            if (Math.abs(f) > 2) {
                beyond2++;
            }
        }
        double mean = sum / v.length;
        double var = sq / v.length - mean * mean;
        assertThat(mean).isCloseTo(0, within(0.01));
        assertThat(var).isCloseTo(1, within(0.01));
        // P(|Z| > 2) = 0.0455
        assertThat(beyond2 / (double) v.length).isCloseTo(0.0455, within(0.002));
    }

    @Test
    void wordsFollowTheSplitMix64TestVector() {
        // Published SplitMix64 outputs for seed 0.
        SeededGaussianNoise g = new SeededGaussianNoise(0);
        assertThat(g.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(g.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(g.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void histogramFollowsTheNormalDistribution() {
        // Chi-square over 40 bins of width 0.2 on [-4, 4] plus two tails, 1e6 draws.
        int n = 1_000_000;
        float[] v = NoiseSource.seeded(99).next(n);
        int bins = 40;
        long[] count = new long[bins + 2];
        for (float f : v) {
            int b = f < -4 ? 0 : (f >= 4 ? bins + 1 : Math.min(1 + (int) Math.floor((f + 4) / 0.2), bins));
            count[b]++;
        }
        double chi2 = 0;
        for (int b = 0; b < bins + 2; b++) {
            double lo = b == 0 ? Double.NEGATIVE_INFINITY : -4 + (b - 1) * 0.2;
            double hi = b == bins + 1 ? Double.POSITIVE_INFINITY : -4 + b * 0.2;
            double expected = n * (phi(hi) - phi(lo));
            chi2 += (count[b] - expected) * (count[b] - expected) / expected;
        }
        // 41 degrees of freedom: the 99.9% quantile is about 74.7.
        assertThat(chi2).as("chi-square").isLessThan(74.7);
    }

    @Test
    void farTailsAppearAtTheirRate() {
        int n = 2_000_000;
        float[] v = NoiseSource.seeded(2024).next(n);
        int beyond3 = 0;
        int beyondR = 0;
        for (float f : v) {
            beyond3 += Math.abs(f) > 3 ? 1 : 0;
            beyondR += Math.abs(f) > 3.442619855899 ? 1 : 0;
        }
        // P(|Z| > 3) = 2.70e-3, P(|Z| > 3.4426) = 5.76e-4 (the ziggurat's tail path).
        assertThat(beyond3 / (double) n).isCloseTo(2.70e-3, within(2.5e-4));
        assertThat(beyondR / (double) n).isCloseTo(5.76e-4, within(1.2e-4));
    }

    /** Standard normal CDF via erfc (Abramowitz–Stegun 7.1.26 is too coarse; use a continued series). */
    private static double phi(double x) {
        if (Double.isInfinite(x)) {
            return x > 0 ? 1 : 0;
        }
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        // Numerical Recipes erfcc (Chebyshev), relative error below 1.2e-7.
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
