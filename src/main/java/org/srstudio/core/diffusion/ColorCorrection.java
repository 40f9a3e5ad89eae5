package org.srstudio.core.diffusion;

import org.srstudio.core.image.FloatImage;

/**
 * The colour fixes the diffusion SR repos apply after decoding (XPSR, S3Diff and TSD-SR share one file; MoESR has
 * its own AdaIN). Both take the decoded image as content and a reference (usually the upsampled LR) as style, work
 * per channel on [0, 1] images and clamp the result to [0, 1], as the repos do before converting to PIL.
 */
public final class ColorCorrection {
    /** Added to the unbiased variance before the square root, as in the repos' calc_mean_std. */
    public static final double ADAIN_EPS = 1e-5;
    public static final int WAVELET_LEVELS = 5;

    private ColorCorrection() {
    }

    /**
     * AdaIN: per channel, (c − μ_c)/σ_c·σ_s + μ_s with σ = sqrt(unbiased variance + 1e-5). Content and style may
     * differ in size but must have the same channel count.
     */
    public static FloatImage adain(FloatImage content, FloatImage style) {
        if (content.channels() != style.channels()) {
            throw new IllegalArgumentException("Colour reference has " + style.channels() + " channels but the image has "
                    + content.channels() + ".");
        }
        int n = content.width() * content.height();
        float[] out = new float[content.data().length];
        for (int c = 0; c < content.channels(); c++) {
            double[] cs = meanStd(content, c);
            double[] ss = meanStd(style, c);
            int off = content.planeOffset(c);
            float[] src = content.data();
            for (int k = 0; k < n; k++) {
                out[off + k] = clamp01((src[off + k] - cs[0]) / cs[1] * ss[1] + ss[0]);
            }
        }
        return new FloatImage(content.width(), content.height(), content.channels(), out);
    }

    private static double[] meanStd(FloatImage img, int c) {
        int n = img.width() * img.height();
        int off = img.planeOffset(c);
        float[] d = img.data();
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += d[off + k];
        }
        double mean = sum / n;
        double sq = 0;
        for (int k = 0; k < n; k++) {
            double e = d[off + k] - mean;
            sq += e * e;
        }
        double var = n > 1 ? sq / (n - 1) : Double.NaN; // torch.var of one element is NaN too
        return new double[] {mean, Math.sqrt(var + ADAIN_EPS)};
    }

    /**
     * Wavelet colour fix: content − blur₅(content) + blur₅(style), where blur₅ applies five dilated 3×3
     * [1 2 1]ᵀ[1 2 1]/16 blurs with dilation 1, 2, 4, 8, 16 on replicate-padded planes. Sizes must match.
     */
    public static FloatImage wavelet(FloatImage content, FloatImage style) {
        if (content.width() != style.width() || content.height() != style.height() || content.channels() != style.channels()) {
            throw new IllegalArgumentException("Wavelet colour fix needs a reference of the same size, got "
                    + style.width() + "x" + style.height() + " for a " + content.width() + "x" + content.height() + " image.");
        }
        int w = content.width();
        int h = content.height();
        int n = w * h;
        float[] out = new float[content.data().length];
        for (int c = 0; c < content.channels(); c++) {
            int off = content.planeOffset(c);
            float[] cPlane = java.util.Arrays.copyOfRange(content.data(), off, off + n);
            float[] sPlane = java.util.Arrays.copyOfRange(style.data(), off, off + n);
            float[] cLow = decompose(cPlane, w, h);
            float[] sLow = decompose(sPlane, w, h);
            for (int k = 0; k < n; k++) {
                // high = Σ (x_i − blur(x_i)) telescopes to x_0 − x_5; kept as the sum the repos compute.
                out[off + k] = clamp01(cLow[n + k] + sLow[k]);
            }
        }
        return new FloatImage(w, h, content.channels(), out);
    }

    /** Splits one plane into [low₅ (n values) | high (n values)], accumulating high the way the repos do. */
    private static float[] decompose(float[] plane, int w, int h) {
        int n = w * h;
        float[] high = new float[n];
        float[] x = plane;
        for (int level = 0; level < WAVELET_LEVELS; level++) {
            float[] low = blur(x, w, h, 1 << level);
            for (int k = 0; k < n; k++) {
                high[k] += x[k] - low[k];
            }
            x = low;
        }
        float[] both = new float[2 * n];
        System.arraycopy(x, 0, both, 0, n);
        System.arraycopy(high, 0, both, n, n);
        return both;
    }

    private static final float[] KERNEL = {0.0625f, 0.125f, 0.0625f, 0.125f, 0.25f, 0.125f, 0.0625f, 0.125f, 0.0625f};

    /** conv2d(replicate_pad(x, r), K, dilation r): neighbours at ±r, clamped to the edge. */
    static float[] blur(float[] x, int w, int h, int r) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int[] ys = {Math.max(y - r, 0), y, Math.min(y + r, h - 1)};
            for (int xx = 0; xx < w; xx++) {
                int[] xs = {Math.max(xx - r, 0), xx, Math.min(xx + r, w - 1)};
                float acc = 0f;
                for (int i = 0; i < 3; i++) {
                    int row = ys[i] * w;
                    for (int j = 0; j < 3; j++) {
                        acc += KERNEL[i * 3 + j] * x[row + xs[j]];
                    }
                }
                out[y * w + xx] = acc;
            }
        }
        return out;
    }

    private static float clamp01(double v) {
        return v < 0 ? 0f : (v > 1 ? 1f : (float) v);
    }
}
