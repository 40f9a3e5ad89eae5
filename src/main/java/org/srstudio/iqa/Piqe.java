package org.srstudio.iqa;

import java.util.stream.IntStream;
import org.srstudio.core.StudioException;
import org.srstudio.iqa.GaussianFilter.Border;

/**
 * PIQE (Venkatanath et al. 2015) as pyiqa {@code piqe} computes it, quirks included: the luma in [0, 1] is
 * rescaled to round(255·Y/max Y); the bottom/right are padded (symmetric) by H mod 16 and W mod 16 and only
 * whole 16 × 16 blocks count; the noise criterion's surround drops original columns 7 and 9. Training-free,
 * 0..100, lower is better.
 */
public final class Piqe {
    public static final int BLOCK = 16;
    private static final double ACTIVITY_THRESHOLD = 0.1;
    private static final double IMPAIRED_THRESHOLD = 0.1;
    private static final int SEGMENT = 6;

    private Piqe() {
    }

    /** PIQE of a luma plane in [0, 1] (not rounded). */
    public static double score(Plane yUnit) throws StudioException {
        if (yUnit.width() < BLOCK || yUnit.height() < BLOCK) {
            throw new StudioException("PIQE needs an image of at least " + BLOCK + "x" + BLOCK + " pixels, got "
                    + yUnit.width() + "x" + yUnit.height() + ".");
        }
        double max = 0;
        for (double v : yUnit.data()) {
            max = Math.max(max, v);
        }
        double[] scaled = new double[yUnit.data().length];
        if (max > 0) {
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = Math.rint(255.0 * (yUnit.data()[i] / max));
            }
        }
        Plane img = padSymmetric(new Plane(yUnit.width(), yUnit.height(), scaled),
                yUnit.height() % BLOCK, yUnit.width() % BLOCK);
        Plane m = Mscn.of(img, Border.REPLICATE, Mscn.EPS_F32);
        int nbh = img.height() / BLOCK;
        int nbw = img.width() / BLOCK;
        // per block: [active, distortion contribution]
        double[][] parts = new double[nbh * nbw][];
        IntStream.range(0, nbh * nbw).parallel().forEach(b ->
                parts[b] = block(m, (b % nbw) * BLOCK, (b / nbw) * BLOCK));
        double total = 0;
        int active = 0;
        for (double[] p : parts) {
            if (p != null) {
                active++;
                total += p[0];
            }
        }
        return (total + 1) / (1 + active) * 100;
    }

    /** The block's distortion contribution, or null when the block is not active. */
    private static double[] block(Plane m, int x0, int y0) {
        double[] b = new double[BLOCK * BLOCK];
        for (int y = 0; y < BLOCK; y++) {
            System.arraycopy(m.data(), (y0 + y) * m.width() + x0, b, y * BLOCK, BLOCK);
        }
        double v = variance(b, 0, 1, b.length);
        if (!(v > ACTIVITY_THRESHOLD)) {
            return null;
        }
        boolean impaired = false;
        int n = BLOCK;
        // edges in pyiqa's order: top row, right column, bottom row, left column
        int[][] edges = {{0, 1}, {n - 1, n}, {(n - 1) * n, 1}, {0, n}};
        double[] seg = new double[SEGMENT];
        for (int[] e : edges) {
            for (int s = 0; s <= n - SEGMENT && !impaired; s++) {
                for (int i = 0; i < SEGMENT; i++) {
                    seg[i] = b[e[0] + (s + i) * e[1]];
                }
                if (Math.sqrt(variance(seg, 0, 1, SEGMENT)) < IMPAIRED_THRESHOLD) {
                    impaired = true;
                }
            }
        }
        // centre: columns 7 and 8; surround: all but original columns 7 and 9 (pyiqa/MATLAB quirk)
        double[] centre = new double[2 * n];
        double[] surround = new double[(n - 2) * n];
        int ci = 0;
        int si = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double val = b[y * n + x];
                if (x == 7 || x == 8) {
                    centre[ci++] = val;
                }
                if (x != 7 && x != 9) {
                    surround[si++] = val;
                }
            }
        }
        double csd = Math.sqrt(variance(centre, 0, 1, centre.length)) / Math.sqrt(variance(surround, 0, 1, surround.length));
        if (Double.isNaN(csd)) {
            csd = 0;
        }
        double sigma = Math.sqrt(v);
        double beta = Math.abs(sigma - csd) / Math.max(sigma, csd);
        boolean noisy = sigma > 2 * beta;
        double contribution = (impaired ? 1 - v : 0) + (noisy ? v : 0);
        return new double[] {contribution};
    }

    /** Unbiased (ddof = 1) variance of {@code count} values at {@code offset + i·stride}. */
    private static double variance(double[] x, int offset, int stride, int count) {
        double mean = 0;
        for (int i = 0; i < count; i++) {
            mean += x[offset + i * stride];
        }
        mean /= count;
        double s = 0;
        for (int i = 0; i < count; i++) {
            double d = x[offset + i * stride] - mean;
            s += d * d;
        }
        return s / (count - 1);
    }

    /** numpy {@code np.pad(..., ((0, rows), (0, cols)), mode='symmetric')}. */
    static Plane padSymmetric(Plane p, int rows, int cols) {
        if (rows == 0 && cols == 0) {
            return p;
        }
        int w = p.width();
        int h = p.height();
        int nw = w + cols;
        int nh = h + rows;
        double[] out = new double[nw * nh];
        for (int y = 0; y < nh; y++) {
            int sy = y < h ? y : 2 * h - 1 - y;
            for (int x = 0; x < nw; x++) {
                int sx = x < w ? x : 2 * w - 1 - x;
                out[y * nw + x] = p.data()[sy * w + sx];
            }
        }
        return new Plane(nw, nh, out);
    }
}
