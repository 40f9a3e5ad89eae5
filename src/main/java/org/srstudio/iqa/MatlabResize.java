package org.srstudio.iqa;

/**
 * MATLAB {@code imresize} with the bicubic kernel (a = −0.5), antialiasing when shrinking and symmetric
 * boundaries, as ported by pyiqa ({@code matlab_utils/resize.py}); rows first, then columns. The output size is
 * ceil(size × scale).
 */
public final class MatlabResize {
    private MatlabResize() {
    }

    public static Plane resize(Plane src, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("Scale must be positive, got " + scale);
        }
        int oh = (int) Math.ceil(src.height() * scale);
        int ow = (int) Math.ceil(src.width() * scale);
        Weights wy = weights(src.height(), oh, scale);
        Weights wx = weights(src.width(), ow, scale);
        int w = src.width();
        double[] in = src.data();
        double[] mid = new double[oh * w];
        GaussianFilter.rows(oh, w, oy -> {
            int drow = oy * w;
            for (int t = 0; t < wy.taps; t++) {
                double k = wy.w[oy * wy.taps + t];
                int srow = wy.idx[oy * wy.taps + t] * w;
                for (int x = 0; x < w; x++) {
                    mid[drow + x] += k * in[srow + x];
                }
            }
        });
        double[] out = new double[oh * ow];
        GaussianFilter.rows(oh, ow, y -> {
            int srow = y * w;
            int drow = y * ow;
            for (int ox = 0; ox < ow; ox++) {
                double s = 0;
                int base = ox * wx.taps;
                for (int t = 0; t < wx.taps; t++) {
                    s += wx.w[base + t] * mid[srow + wx.idx[base + t]];
                }
                out[drow + ox] = s;
            }
        });
        return new Plane(ow, oh, out);
    }

    private record Weights(int taps, double[] w, int[] idx) {
    }

    private static Weights weights(int inSize, int outSize, double scale) {
        double aa = scale < 1 ? scale : 1.0;
        int taps = (scale < 1 ? (int) Math.ceil(4 / aa) : 4) + 2;
        double[] w = new double[outSize * taps];
        int[] idx = new int[outSize * taps];
        for (int o = 0; o < outSize; o++) {
            double pos = (o + 0.5) / scale - 0.5;
            double base = Math.floor(pos) - (taps / 2) + 1;
            double dist = pos - base;
            double sum = 0;
            for (int t = 0; t < taps; t++) {
                double v = cubic((dist - t) * aa);
                w[o * taps + t] = v;
                sum += v;
            }
            for (int t = 0; t < taps; t++) {
                w[o * taps + t] /= sum;
                idx[o * taps + t] = reflect((int) base + t, inSize);
            }
        }
        return new Weights(taps, w, idx);
    }

    /** MATLAB's symmetric boundary: −1 → 0, −2 → 1, n → n − 1; repeated for tiny inputs. */
    private static int reflect(int i, int n) {
        while (i < 0 || i >= n) {
            if (i < 0) {
                i = -i - 1;
            } else {
                i = 2 * n - i - 1;
            }
        }
        return i;
    }

    private static double cubic(double x) {
        double a = -0.5;
        double ax = Math.abs(x);
        double ax2 = ax * ax;
        double ax3 = ax2 * ax;
        if (ax <= 1) {
            return (a + 2) * ax3 - (a + 3) * ax2 + 1;
        }
        if (ax <= 2) {
            return a * ax3 - 5 * a * ax2 + 8 * a * ax - 4 * a;
        }
        return 0;
    }
}
