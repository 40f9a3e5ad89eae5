package org.srstudio.engine.diffusion;

import org.srstudio.core.image.FloatImage;

/**
 * torch.nn.functional.interpolate(mode bilinear or bicubic, align_corners=False) on planar images, reproducing
 * PyTorch's CPU kernels (source index scale·(dst + 0.5) − 0.5 with scale = in/out; bilinear clamps it at 0, bicubic
 * uses Keys a = −0.75 with edge-clamped taps, rows first then columns), so exported models see the input their
 * repositories fed them.
 */
final class TorchResize {
    private static final float A = -0.75f;

    private TorchResize() {
    }

    static FloatImage resize(FloatImage src, int width, int height, DiffusionSpec.Resize method) {
        if (src.width() == width && src.height() == height) {
            return src;
        }
        return method == DiffusionSpec.Resize.TORCH_BILINEAR ? bilinear(src, width, height) : bicubic(src, width, height);
    }

    private static FloatImage bilinear(FloatImage src, int ow, int oh) {
        int iw = src.width();
        int ih = src.height();
        float sx = (float) iw / ow;
        float sy = (float) ih / oh;
        float[] in = src.data();
        float[] out = new float[ow * oh * src.channels()];
        for (int y = 0; y < oh; y++) {
            float ry = Math.max(sy * (y + 0.5f) - 0.5f, 0f);
            int y0 = (int) ry;
            int y1 = y0 + (y0 < ih - 1 ? 1 : 0);
            float ly1 = ry - y0;
            float ly0 = 1f - ly1;
            for (int x = 0; x < ow; x++) {
                float rx = Math.max(sx * (x + 0.5f) - 0.5f, 0f);
                int x0 = (int) rx;
                int x1 = x0 + (x0 < iw - 1 ? 1 : 0);
                float lx1 = rx - x0;
                float lx0 = 1f - lx1;
                for (int c = 0; c < src.channels(); c++) {
                    int p = c * ih * iw;
                    out[(c * oh + y) * ow + x] = ly0 * (lx0 * in[p + y0 * iw + x0] + lx1 * in[p + y0 * iw + x1])
                            + ly1 * (lx0 * in[p + y1 * iw + x0] + lx1 * in[p + y1 * iw + x1]);
                }
            }
        }
        return new FloatImage(ow, oh, src.channels(), out);
    }

    private static FloatImage bicubic(FloatImage src, int ow, int oh) {
        int iw = src.width();
        int ih = src.height();
        // Taps and weights depend only on the column (or row), so they are worked out once per axis, not per pixel;
        // the sums below keep PyTorch's order (four horizontal taps per row, then the four rows), so values are unchanged.
        int[] tx = new int[4 * ow];
        float[] cx = new float[4 * ow];
        taps(iw, ow, tx, cx);
        int[] ty = new int[4 * oh];
        float[] cy = new float[4 * oh];
        taps(ih, oh, ty, cy);
        float[] in = src.data();
        float[] out = new float[ow * oh * src.channels()];
        for (int c = 0; c < src.channels(); c++) {
            int p = c * ih * iw;
            for (int y = 0; y < oh; y++) {
                int r0 = p + ty[4 * y] * iw;
                int r1 = p + ty[4 * y + 1] * iw;
                int r2 = p + ty[4 * y + 2] * iw;
                int r3 = p + ty[4 * y + 3] * iw;
                float y0 = cy[4 * y];
                float y1 = cy[4 * y + 1];
                float y2 = cy[4 * y + 2];
                float y3 = cy[4 * y + 3];
                int o = (c * oh + y) * ow;
                for (int x = 0; x < ow; x++) {
                    int q = 4 * x;
                    out[o + x] = row(in, r0, tx, cx, q) * y0 + row(in, r1, tx, cx, q) * y1 + row(in, r2, tx, cx, q) * y2
                            + row(in, r3, tx, cx, q) * y3;
                }
            }
        }
        return new FloatImage(ow, oh, src.channels(), out);
    }

    private static float row(float[] in, int row, int[] tx, float[] cx, int q) {
        return in[row + tx[q]] * cx[q] + in[row + tx[q + 1]] * cx[q + 1] + in[row + tx[q + 2]] * cx[q + 2] + in[row + tx[q + 3]] * cx[q + 3];
    }

    /** The four edge-clamped source indices and Keys weights of each output position along one axis. */
    private static void taps(int in, int out, int[] index, float[] weight) {
        float scale = (float) in / out;
        float[] c = new float[4];
        for (int d = 0; d < out; d++) {
            float r = scale * (d + 0.5f) - 0.5f;
            int i = (int) Math.floor(r);
            coefficients(r - i, c);
            for (int k = 0; k < 4; k++) {
                index[4 * d + k] = clamp(i - 1 + k, in);
                weight[4 * d + k] = c[k];
            }
        }
    }

    private static void coefficients(float t, float[] c) {
        float x1 = t;
        c[0] = cubic2(x1 + 1f);
        c[1] = cubic1(x1);
        float x2 = 1f - t;
        c[2] = cubic1(x2);
        c[3] = cubic2(x2 + 1f);
    }

    private static float cubic1(float x) {
        return ((A + 2) * x - (A + 3)) * x * x + 1;
    }

    private static float cubic2(float x) {
        return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }

    /** Reflect-pads right and bottom (torch 'reflect', the edge not repeated). */
    static FloatImage padReflect(FloatImage src, int padRight, int padBottom) {
        if (padRight == 0 && padBottom == 0) {
            return src;
        }
        int iw = src.width();
        int ih = src.height();
        if (padRight >= iw || padBottom >= ih) {
            throw new IllegalArgumentException("The image is too small to reflect-pad by " + padRight + "x" + padBottom + ".");
        }
        int ow = iw + padRight;
        int oh = ih + padBottom;
        float[] out = new float[ow * oh * src.channels()];
        for (int c = 0; c < src.channels(); c++) {
            for (int y = 0; y < oh; y++) {
                int sy = y < ih ? y : 2 * (ih - 1) - y;
                for (int x = 0; x < ow; x++) {
                    int sx = x < iw ? x : 2 * (iw - 1) - x;
                    out[(c * oh + y) * ow + x] = src.get(c, sx, sy);
                }
            }
        }
        return new FloatImage(ow, oh, src.channels(), out);
    }

    /** The top-left width×height window. */
    static FloatImage crop(FloatImage src, int width, int height) {
        if (src.width() == width && src.height() == height) {
            return src;
        }
        float[] out = new float[width * height * src.channels()];
        for (int c = 0; c < src.channels(); c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(src.data(), (c * src.height() + y) * src.width(), out, (c * height + y) * width, width);
            }
        }
        return new FloatImage(width, height, src.channels(), out);
    }
}
