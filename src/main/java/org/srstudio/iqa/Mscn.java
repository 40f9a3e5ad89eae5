package org.srstudio.iqa;

import org.srstudio.iqa.GaussianFilter.Border;

/**
 * Mean-subtracted contrast-normalised coefficients, pyiqa {@code normalize_img_with_gauss}:
 * (I − μ) / (sqrt(|E[I²] − μ²| + eps) + 1) with the 7×7, σ = 7/6 Gaussian, computed as two separable passes
 * that filter I and I² together (the 2-D window is the outer product of the 1-D one).
 */
public final class Mscn {
    /** float64 machine epsilon: NIQE runs in float64 in pyiqa. */
    public static final double EPS_F64 = Math.ulp(1.0);
    /** float32 machine epsilon: BRISQUE and PIQE run in float32 in pyiqa. */
    public static final double EPS_F32 = Math.ulp(1.0f);

    /**
     * Below this magnitude an MSCN value is rounding noise of a flat area (a real edge in 0..255 data gives
     * values many orders larger); such values are set to 0 so that NIQE and BRISQUE do not depend on the
     * summation order of the filter. Measured effect on flat images: closer to the LIVE MATLAB scores.
     */
    public static final double FLAT_NOISE = 1e-8;

    private static final double[] TAPS = GaussianFilter.nss().taps();
    private static final int R = 3;

    private Mscn() {
    }

    public static Plane of(Plane image, Border border, double eps) {
        return of(image, border, eps, 0);
    }

    /** As {@link #of(Plane, Border, double)}, with |values| below {@code snap} set to 0. */
    public static Plane of(Plane image, Border border, double eps, double snap) {
        int w = image.width();
        int h = image.height();
        double[] v = image.data();
        double[] hs = new double[v.length];
        double[] hq = new double[v.length];
        GaussianFilter.rows(h, w, y -> horizontal(v, hs, hq, w, y, border));
        double[] out = new double[v.length];
        GaussianFilter.rows(h, w, y -> vertical(v, hs, hq, out, w, h, y, border, eps, snap));
        return new Plane(w, h, out);
    }

    private static void horizontal(double[] v, double[] hs, double[] hq, int w, int y, Border border) {
        int row = y * w;
        double t0 = TAPS[0];
        double t1 = TAPS[1];
        double t2 = TAPS[2];
        double t3 = TAPS[3];
        double t4 = TAPS[4];
        double t5 = TAPS[5];
        double t6 = TAPS[6];
        for (int x = R; x < w - R; x++) {
            int i = row + x;
            double a0 = v[i - 3];
            double a1 = v[i - 2];
            double a2 = v[i - 1];
            double a3 = v[i];
            double a4 = v[i + 1];
            double a5 = v[i + 2];
            double a6 = v[i + 3];
            hs[i] = t0 * a0 + t1 * a1 + t2 * a2 + t3 * a3 + t4 * a4 + t5 * a5 + t6 * a6;
            hq[i] = t0 * (a0 * a0) + t1 * (a1 * a1) + t2 * (a2 * a2) + t3 * (a3 * a3) + t4 * (a4 * a4) + t5 * (a5 * a5)
                    + t6 * (a6 * a6);
        }
        for (int x = 0; x < w; x++) {
            if (x >= R && x < w - R) {
                x = w - R - 1;
                continue;
            }
            double s = 0;
            double q = 0;
            for (int t = 0; t < TAPS.length; t++) {
                int xx = x + t - R;
                if (xx < 0 || xx >= w) {
                    if (border == Border.ZERO) {
                        continue;
                    }
                    xx = xx < 0 ? 0 : w - 1;
                }
                double a = v[row + xx];
                s += TAPS[t] * a;
                q += TAPS[t] * (a * a);
            }
            hs[row + x] = s;
            hq[row + x] = q;
        }
    }

    private static void vertical(double[] v, double[] hs, double[] hq, double[] out, int w, int h, int y, Border border,
                                 double eps, double snap) {
        int[] rows = new int[TAPS.length];
        double[] wt = new double[TAPS.length];
        int k = 0;
        for (int t = 0; t < TAPS.length; t++) {
            int yy = y + t - R;
            if (yy < 0 || yy >= h) {
                if (border == Border.ZERO) {
                    continue;
                }
                yy = yy < 0 ? 0 : h - 1;
            }
            rows[k] = yy * w;
            wt[k++] = TAPS[t];
        }
        int row = y * w;
        if (k == 7) {
            int r0 = rows[0];
            int r1 = rows[1];
            int r2 = rows[2];
            int r3 = rows[3];
            int r4 = rows[4];
            int r5 = rows[5];
            int r6 = rows[6];
            double w0 = wt[0];
            double w1 = wt[1];
            double w2 = wt[2];
            double w3 = wt[3];
            double w4 = wt[4];
            double w5 = wt[5];
            double w6 = wt[6];
            for (int x = 0; x < w; x++) {
                double mu = w0 * hs[r0 + x] + w1 * hs[r1 + x] + w2 * hs[r2 + x] + w3 * hs[r3 + x] + w4 * hs[r4 + x]
                        + w5 * hs[r5 + x] + w6 * hs[r6 + x];
                double ex2 = w0 * hq[r0 + x] + w1 * hq[r1 + x] + w2 * hq[r2 + x] + w3 * hq[r3 + x] + w4 * hq[r4 + x]
                        + w5 * hq[r5 + x] + w6 * hq[r6 + x];
                out[row + x] = normalise(v[row + x], mu, ex2, eps, snap);
            }
            return;
        }
        for (int x = 0; x < w; x++) {
            double mu = 0;
            double ex2 = 0;
            for (int t = 0; t < k; t++) {
                mu += wt[t] * hs[rows[t] + x];
                ex2 += wt[t] * hq[rows[t] + x];
            }
            out[row + x] = normalise(v[row + x], mu, ex2, eps, snap);
        }
    }

    private static double normalise(double v, double mu, double ex2, double eps, double snap) {
        double m = (v - mu) / (Math.sqrt(Math.abs(ex2 - mu * mu) + eps) + 1.0);
        return Math.abs(m) < snap ? 0 : m;
    }
}
