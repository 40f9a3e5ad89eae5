package org.srstudio.iqa;

import org.srstudio.iqa.GaussianFilter.Border;

/**
 * Mean-subtracted contrast-normalised coefficients, pyiqa {@code normalize_img_with_gauss}:
 * (I − μ) / (sqrt(|E[I²] − μ²| + eps) + 1) with the 7×7, σ = 7/6 Gaussian.
 */
public final class Mscn {
    /** float64 machine epsilon: NIQE runs in float64 in pyiqa. */
    public static final double EPS_F64 = Math.ulp(1.0);
    /** float32 machine epsilon: BRISQUE and PIQE run in float32 in pyiqa. */
    public static final double EPS_F32 = Math.ulp(1.0f);

    private static final GaussianFilter WINDOW = GaussianFilter.nss();

    private Mscn() {
    }

    /**
     * Below this magnitude an MSCN value is rounding noise of a flat area (a real edge in 0..255 data gives
     * values many orders larger); such values are set to 0 so that NIQE and BRISQUE do not depend on the
     * summation order of the filter. Measured effect on flat images: closer to the LIVE MATLAB scores.
     */
    public static final double FLAT_NOISE = 1e-8;

    public static Plane of(Plane image, Border border, double eps) {
        return of(image, border, eps, 0);
    }

    /** As {@link #of(Plane, Border, double)}, with |values| below {@code snap} set to 0. */
    public static Plane of(Plane image, Border border, double eps, double snap) {
        int w = image.width();
        int h = image.height();
        double[] v = image.data();
        double[] sq = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            sq[i] = v[i] * v[i];
        }
        double[] mu = WINDOW.same(v, w, h, border);
        double[] ex2 = WINDOW.same(sq, w, h, border);
        double[] out = sq;
        for (int i = 0; i < v.length; i++) {
            double sigma = Math.sqrt(Math.abs(ex2[i] - mu[i] * mu[i]) + eps);
            double m = (v[i] - mu[i]) / (sigma + 1.0);
            out[i] = Math.abs(m) < snap ? 0 : m;
        }
        return new Plane(w, h, out);
    }
}
