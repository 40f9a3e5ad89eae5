package org.srstudio.iqa;

import org.srstudio.core.image.FloatImage;

/**
 * Luma planes as pyiqa derives them from an RGB float tensor in [0, 1]. The arithmetic is float32 in the same
 * order as pyiqa/numpy ({@code (r*wr + g*wg) + b*wb}), because on 8-bit input many pixels land exactly on
 * k + 0.5 before rounding and only the same float32 rounding sends them the same way.
 */
public final class Luma {
    /** How to turn RGB into one luma plane. */
    public enum Space {
        /** Y of YIQ: 0.299R + 0.587G + 0.114B (pyiqa's default {@code color_space='yiq'}). */
        YIQ,
        /** Y of BT.601 YCbCr as MATLAB {@code rgb2ycbcr}: (65.481R + 128.553G + 24.966B + 16) / 255. */
        BT601
    }

    private static final float YIQ_R = 0.299f;
    private static final float YIQ_G = 0.587f;
    private static final float YIQ_B = 0.114f;
    private static final float YCC_R = 65.481f;
    private static final float YCC_G = 128.553f;
    private static final float YCC_B = 24.966f;

    private Luma() {
    }

    /** Luma in [0, 1], not rounded (float32 values widened to double). Gray images count as R = G = B. */
    public static Plane unit(FloatImage image, Space space) {
        int w = image.width();
        int h = image.height();
        int n = w * h;
        float[] d = image.data();
        double[] out = new double[n];
        boolean gray = image.channels() == 1;
        int go = gray ? 0 : n;
        int bo = gray ? 0 : 2 * n;
        if (space == Space.YIQ) {
            for (int i = 0; i < n; i++) {
                out[i] = yiq(d[i], d[go + i], d[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = bt601(d[i], d[go + i], d[bo + i]);
            }
        }
        return new Plane(w, h, out);
    }

    /** Luma × 255 rounded half to even, as pyiqa {@code to_y_channel(img, 255, ...)}. */
    public static Plane rounded255(FloatImage image, Space space) {
        int n = image.width() * image.height();
        float[] d = image.data();
        double[] out = new double[n];
        boolean gray = image.channels() == 1;
        int go = gray ? 0 : n;
        int bo = gray ? 0 : 2 * n;
        if (space == Space.YIQ) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.rint(yiq(d[i], d[go + i], d[bo + i]) * 255f);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = Math.rint(bt601(d[i], d[go + i], d[bo + i]) * 255f);
            }
        }
        return new Plane(image.width(), image.height(), out);
    }

    /** Luma × 255 without rounding (the SR papers' PSNR on Y). */
    public static Plane scaled255(FloatImage image, Space space) {
        Plane p = unit(image, space);
        double[] v = p.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * 255.0;
        }
        return p;
    }

    static float yiq(float r, float g, float b) {
        return (r * YIQ_R + g * YIQ_G) + b * YIQ_B;
    }

    static float bt601(float r, float g, float b) {
        return ((r * YCC_R + g * YCC_G) + b * YCC_B + 16f) / 255f;
    }
}
