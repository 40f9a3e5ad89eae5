package org.srstudio.iqa;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.srstudio.core.StudioException;
import org.srstudio.iqa.GaussianFilter.Border;

/**
 * NIQE (Mittal et al. 2013) as pyiqa {@code niqe} and the LIVE release compute it: the luma (0..255, rounded) is
 * cropped to whole 96 × 96 blocks; per block and at two scales (the second after a MATLAB bicubic halving) 18
 * AGGD features of the MSCN map and of its four neighbour products; the score is the Mahalanobis-like distance
 * between the image's feature Gaussian and the pristine model. Lower is better.
 */
public final class Niqe {
    public static final int BLOCK = 96;
    private static final int[][] SHIFTS = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};

    private Niqe() {
    }

    /** Per-block features, one row of 36 per block (row-major over the block grid); NaN where a fit failed. */
    public static double[][] blockFeatures(Plane y255) throws StudioException {
        int nh = y255.height() / BLOCK;
        int nw = y255.width() / BLOCK;
        if (nh * nw < 2) {
            // the feature covariance needs two blocks at least
            throw new StudioException("NIQE needs two " + BLOCK + "x" + BLOCK + " blocks (at least " + 2 * BLOCK + "x"
                    + BLOCK + " pixels), got " + y255.width() + "x" + y255.height() + ".");
        }
        Plane img = y255.crop(0, 0, nw * BLOCK, nh * BLOCK);
        double[][] feats = new double[nh * nw][36];
        for (int scale = 1; scale <= 2; scale++) {
            Plane m = Mscn.of(img, Border.REPLICATE, Mscn.EPS_F64, Mscn.FLAT_NOISE);
            int bs = BLOCK / scale;
            int col = (scale - 1) * 18;
            IntStream.range(0, nh * nw).parallel().forEach(b -> {
                blockFeatures(m, (b % nw) * bs, (b / nw) * bs, bs, feats[b], col);
            });
            if (scale == 1) {
                double[] v = img.data().clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] /= 255.0;
                }
                Plane half = MatlabResize.resize(new Plane(img.width(), img.height(), v), 0.5);
                double[] h = half.data();
                for (int i = 0; i < h.length; i++) {
                    h[i] *= 255.0;
                }
                img = half;
            }
        }
        return feats;
    }

    /** The NIQE score of a 0..255 luma plane. */
    public static double score(Plane y255, NiqeModel model) throws StudioException {
        double[][] f = blockFeatures(y255);
        return distance(f, model);
    }

    static double distance(double[][] f, NiqeModel model) throws StudioException {
        int d = NiqeModel.FEATURES;
        double[] mu = new double[d];
        // nanmean per feature; the covariance uses only blocks without any NaN
        for (int j = 0; j < d; j++) {
            double s = 0;
            int n = 0;
            for (double[] row : f) {
                if (!Double.isNaN(row[j])) {
                    s += row[j];
                    n++;
                }
            }
            mu[j] = n > 0 ? s / n : Double.NaN;
        }
        double[][] clean = Arrays.stream(f).filter(r -> Arrays.stream(r).noneMatch(Double::isNaN)).toArray(double[][]::new);
        if (clean.length < 2 || Arrays.stream(mu).anyMatch(Double::isNaN)) {
            throw new StudioException("NIQE is undefined for this image because it has too little texture to fit.");
        }
        double[][] cov = Stats.covariance(clean);
        double[][] pm = model.cov();
        double[][] avg = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                avg[i][j] = (pm[i][j] + cov[i][j]) / 2;
            }
        }
        double[][] pinv = Stats.pseudoInverseSymmetric(avg);
        double[] pmu = model.mu();
        double[] diff = new double[d];
        for (int i = 0; i < d; i++) {
            diff[i] = pmu[i] - mu[i];
        }
        double q = 0;
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += pinv[i][j] * diff[j];
            }
            q += diff[i] * s;
        }
        if (!(q >= 0) || Double.isInfinite(q)) {
            throw new StudioException("NIQE is undefined for this image because its feature statistics are degenerate.");
        }
        return Math.sqrt(q);
    }

    /** The 18 features of one block of the MSCN map, written at {@code out[col..col+17]}. */
    static void blockFeatures(Plane m, int x0, int y0, int bs, double[] out, int col) {
        double[] v = m.data();
        int w = m.width();
        NssFit.Moments plain = new NssFit.Moments();
        plain.addBlock(v, w, x0, y0, bs, bs);
        NssFit.Aggd a = plain.aggd();
        out[col] = a.alpha();
        out[col + 1] = (a.betaLeft() + a.betaRight()) / 2;
        for (int s = 0; s < SHIFTS.length; s++) {
            NssFit.Moments prod = new NssFit.Moments();
            prod.addCircularProduct(v, w, x0, y0, bs, bs, SHIFTS[s][0], SHIFTS[s][1]);
            NssFit.Aggd p = prod.aggd();
            int c = col + 2 + 4 * s;
            out[c] = p.alpha();
            out[c + 1] = p.niqeMean();
            out[c + 2] = p.betaLeft();
            out[c + 3] = p.betaRight();
        }
    }
}
