package org.srstudio.iqa;

/**
 * Moment-matching fits of (asymmetric) generalised Gaussian distributions, as pyiqa {@code estimate_aggd_param}
 * and {@code estimate_ggd_param} (the LIVE MATLAB {@code estimateaggdparam.m}/{@code estimateggdparam.m}). The
 * shape is picked from pyiqa's grid 0.2:0.001:10, generated in float32 exactly as numpy/torch do, because the
 * chosen grid value is itself a feature.
 */
public final class NssFit {
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    static final double[] GAMMA_GRID;
    /** Γ(2/a)² / (Γ(1/a)Γ(3/a)) over the grid: decreasing in a. */
    private static final double[] AGGD_RATIO;
    /** Γ(1/a)Γ(3/a) / Γ(2/a)², decreasing in a. */
    private static final double[] GGD_RATIO;

    static {
        float start = 0.2f;
        float step = (float) (0.2 + 0.001) - start;
        int n = 9801;
        GAMMA_GRID = new double[n];
        AGGD_RATIO = new double[n];
        GGD_RATIO = new double[n];
        for (int i = 0; i < n; i++) {
            float g = start + (float) i * step;
            GAMMA_GRID[i] = g;
            double a = g;
            AGGD_RATIO[i] = Math.exp(2 * lnGamma(2 / a) - lnGamma(1 / a) - lnGamma(3 / a));
            GGD_RATIO[i] = Math.exp(lnGamma(1 / a) + lnGamma(3 / a) - 2 * lnGamma(2 / a));
        }
    }

    private NssFit() {
    }

    /** Result of an AGGD fit: shape, left/right standard deviations and the left/right scale parameters. */
    public record Aggd(double alpha, double leftStd, double rightStd, double betaLeft, double betaRight) {
        /** NIQE's mean parameter: (βr − βl)·Γ(2/α)/Γ(1/α). */
        public double niqeMean() {
            return (betaRight - betaLeft) * Math.exp(lnGamma(2 / alpha) - lnGamma(1 / alpha));
        }

        /** BRISQUE's η: (σr − σl)·Γ(2/α)/sqrt(Γ(1/α)Γ(3/α)). */
        public double brisqueEta() {
            return (rightStd - leftStd) * Math.exp(lnGamma(2 / alpha) - (lnGamma(1 / alpha) + lnGamma(3 / alpha)) / 2);
        }
    }

    /** Result of a GGD fit: shape and the root mean square. */
    public record Ggd(double alpha, double sigma) {
    }

    /** AGGD fit of {@code x[offset..offset+length)}; zeros count in the moments but on neither side. */
    public static Aggd aggd(double[] x, int offset, int length) {
        Moments m = new Moments();
        m.addAll(x, offset, length);
        return m.aggd();
    }

    /**
     * Running sums for an AGGD fit, filled without branches (conditional moves) because the sign of MSCN
     * products is a coin toss for the branch predictor.
     */
    static final class Moments {
        double sumL;
        double sumR;
        long nL;
        long nR;
        double sumAbs;
        long n;

        void add(double v) {
            double l = v < 0 ? v : 0.0;
            double r = v > 0 ? v : 0.0;
            sumL += l * l;
            sumR += r * r;
            nL += v < 0 ? 1 : 0;
            nR += v > 0 ? 1 : 0;
            sumAbs += r - l;
            n++;
        }

        void addAll(double[] x, int offset, int length) {
            // local accumulators let the JIT keep them in registers
            double sl = 0;
            double sr = 0;
            double sa = 0;
            long cl = 0;
            long cr = 0;
            for (int i = offset; i < offset + length; i++) {
                double v = x[i];
                double l = Math.min(v, 0.0);
                double r = Math.max(v, 0.0);
                sl += l * l;
                sr += r * r;
                sa += Math.abs(v);
                // sign bits count without branches: v + 0.0 turns −0.0 into +0.0, and 0.0 − v is negative only for v > 0
                cl += Double.doubleToRawLongBits(v + 0.0) >>> 63;
                cr += Double.doubleToRawLongBits(0.0 - v) >>> 63;
            }
            sumL += sl;
            sumR += sr;
            sumAbs += sa;
            nL += cl;
            nR += cr;
            n += length;
        }

        /** Adds the block-local circular product x ⊙ roll(x, (dy, dx)) of a bw × bh block at (x0, y0); |dx| ≤ 1. */
        void addCircularProduct(double[] x, int stride, int x0, int y0, int bw, int bh, int dy, int dx) {
            double[] row = new double[bw];
            for (int y = 0; y < bh; y++) {
                int r = (y0 + y) * stride + x0;
                int sr = (y0 + Math.floorMod(y - dy, bh)) * stride + x0;
                productRow(x, r, sr, bw, dx, row);
                addAll(row, 0, bw);
            }
        }

        /** out[i] = x[r + i] · x[sr + (i − dx) mod w], i.e. one row of x ⊙ roll(x, dx) with |dx| ≤ 1. */
        static void productRow(double[] x, int r, int sr, int w, int dx, double[] out) {
            int lo = Math.max(0, dx);
            int hi = Math.min(w, w + dx);
            for (int i = lo; i < hi; i++) {
                out[i] = x[r + i] * x[sr + i - dx];
            }
            for (int i = 0; i < lo; i++) {
                out[i] = x[r + i] * x[sr + Math.floorMod(i - dx, w)];
            }
            for (int i = hi; i < w; i++) {
                out[i] = x[r + i] * x[sr + Math.floorMod(i - dx, w)];
            }
        }

        /** Adds the plain values of a block. */
        void addBlock(double[] x, int stride, int x0, int y0, int bw, int bh) {
            for (int y = 0; y < bh; y++) {
                addAll(x, (y0 + y) * stride + x0, bw);
            }
        }

        void merge(Moments o) {
            sumL += o.sumL;
            sumR += o.sumR;
            nL += o.nL;
            nR += o.nR;
            sumAbs += o.sumAbs;
            n += o.n;
        }

        Aggd aggd() {
            return aggdFromSums(sumL, nL, sumR, nR, sumAbs, n);
        }
    }

    static Aggd aggdFromSums(double sumL, long nL, double sumR, long nR, double sumAbs, long n) {
        double lstd = nL > 0 ? Math.sqrt(sumL / nL) : Double.NaN;
        double rstd = nR > 0 ? Math.sqrt(sumR / nR) : Double.NaN;
        double gh = lstd / rstd;
        double meanAbs = sumAbs / n;
        double rhat = meanAbs * meanAbs / ((sumL + sumR) / n);
        double rhatn = rhat * (gh * gh * gh + 1) * (gh + 1) / ((gh * gh + 1) * (gh * gh + 1));
        double alpha = GAMMA_GRID[nearest(AGGD_RATIO, rhatn)];
        double c = Math.sqrt(Math.exp(lnGamma(1 / alpha) - lnGamma(3 / alpha)));
        return new Aggd(alpha, lstd, rstd, lstd * c, rstd * c);
    }

    public static Ggd ggd(double[] x) {
        // fixed bands merged in order: the same sums whatever the number of threads
        int band = 1 << 16;
        int bands = (x.length + band - 1) / band;
        double[] sq = new double[bands];
        double[] ab = new double[bands];
        GaussianFilter.rows(bands, band, b -> {
            double s2 = 0;
            double a = 0;
            for (int i = b * band, end = Math.min(x.length, i + band); i < end; i++) {
                double v = x[i];
                s2 += v * v;
                a += Math.abs(v);
            }
            sq[b] = s2;
            ab[b] = a;
        });
        double s2 = 0;
        double abs = 0;
        for (int b = 0; b < bands; b++) {
            s2 += sq[b];
            abs += ab[b];
        }
        s2 /= x.length;
        abs /= x.length;
        double rho = s2 / (abs * abs);
        return new Ggd(GAMMA_GRID[nearest(GGD_RATIO, rho)], Math.sqrt(s2));
    }

    /**
     * Index of the table entry closest to {@code target}, the first one on ties, like numpy's argmin of the
     * absolute difference; NaN gives index 0 as numpy's argmin does. The tables are monotonic, so the nearest
     * entry is one of the two around the binary-search insertion point; a full scan is the fallback.
     */
    static int nearest(double[] table, double target) {
        if (Double.isNaN(target)) {
            return 0;
        }
        boolean decreasing = table[0] > table[table.length - 1];
        int lo = 0;
        int hi = table.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            boolean before = decreasing ? table[mid] > target : table[mid] < target;
            if (before) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        int from = Math.max(0, lo - 2);
        int to = Math.min(table.length - 1, lo + 2);
        for (int i = from; i <= to; i++) {
            double d = Math.abs(table[i] - target);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        // equal values further left would win numpy's first-index tie-break
        while (best > 0 && Math.abs(table[best - 1] - target) == bestD) {
            best--;
        }
        return best;
    }


    /** ln Γ(x) for x > 0 (Lanczos, g = 7), relative error about 1e-15 on the range the fits use. */
    public static double lnGamma(double x) {
        if (x < 0.5) {
            // reflection keeps the series in its accurate range
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
        }
        x -= 1;
        double a = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += LANCZOS[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
