package org.srstudio.core.upscale;

/**
 * Precomputed filter taps for resampling one axis from {@code inSize} to {@code outSize} samples, pixel-centre
 * aligned. As in PIL, taps that would fall outside the image are dropped and the remaining weights renormalised
 * to sum to one, which is how PIL treats the border.
 */
final class AxisWeights {
    final int outSize;
    final int taps;
    /** First input index of output i. */
    final int[] start;
    /** Number of taps used by output i (at most {@link #taps}). */
    final int[] count;
    /** Weights, {@code taps} per output, zero past {@code count}. */
    final float[] weights;

    AxisWeights(ResamplingKernel kernel, int inSize, int outSize) {
        this.outSize = outSize;
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = kernel.support() * filterScale;
        this.taps = (int) Math.ceil(support) * 2 + 1;
        this.start = new int[outSize];
        this.count = new int[outSize];
        this.weights = new float[outSize * taps];
        double[] k = new double[taps];
        for (int i = 0; i < outSize; i++) {
            double center = (i + 0.5) * scale;
            // (int) truncates towards zero like the C cast in PIL; negative values are clamped to 0 below anyway.
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), inSize) - min;
            double sum = 0.0;
            for (int t = 0; t < max; t++) {
                k[t] = kernel.weight((t + min - center + 0.5) / filterScale);
                sum += k[t];
            }
            for (int t = 0; t < max; t++) {
                weights[i * taps + t] = (float) (sum != 0.0 ? k[t] / sum : k[t]);
            }
            start[i] = min;
            count[i] = max;
        }
    }
}
