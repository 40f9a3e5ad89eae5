package org.srstudio.iqa;

import org.srstudio.core.StudioException;
import org.srstudio.iqa.GaussianFilter.Border;

/**
 * BRISQUE (Mittal et al. 2012) features as pyiqa {@code brisque} (the LIVE release): on the rounded 0..255 luma
 * and on its MATLAB-bicubic half, the GGD fit of the zero-padded MSCN map and the AGGD fits of its four
 * neighbour products over the whole image (circular shifts). 36 features; the score comes from a
 * {@link BrisqueModel}. Lower is better.
 */
public final class Brisque {
    /** Below this the second scale is a handful of pixels and the fits mean nothing. */
    public static final int MIN_SIDE = 16;
    private static final int[][] SHIFTS = {{0, 1}, {1, 0}, {1, 1}, {-1, 1}};
    private static final int BAND = 64;

    private Brisque() {
    }

    public static double[] features(Plane y255) throws StudioException {
        if (y255.width() < MIN_SIDE || y255.height() < MIN_SIDE) {
            throw new StudioException("BRISQUE needs an image of at least " + MIN_SIDE + "x" + MIN_SIDE
                    + " pixels, got " + y255.width() + "x" + y255.height() + ".");
        }
        double[] f = new double[BrisqueModel.FEATURES];
        Plane img = y255;
        int k = 0;
        for (int scale = 0; scale < 2; scale++) {
            // pyiqa runs BRISQUE in float32, whose epsilon goes into the MSCN denominator
            Plane m = Mscn.of(img, Border.ZERO, Mscn.EPS_F32, Mscn.FLAT_NOISE);
            NssFit.Ggd g = NssFit.ggd(m.data());
            f[k++] = g.alpha();
            f[k++] = g.sigma() * g.sigma();
            for (int[] s : SHIFTS) {
                NssFit.Aggd a = productAggd(m, s[0], s[1]);
                f[k++] = a.alpha();
                f[k++] = a.brisqueEta();
                f[k++] = a.leftStd() * a.leftStd();
                f[k++] = a.rightStd() * a.rightStd();
            }
            if (scale == 0) {
                img = MatlabResize.resize(img, 0.5);
            }
        }
        for (double v : f) {
            if (!Double.isFinite(v)) {
                throw new StudioException("BRISQUE is undefined for this image because it has too little texture to fit.");
            }
        }
        return f;
    }

    /**
     * AGGD of the whole-image circular product, summed in fixed bands of rows merged in order, so the result
     * does not depend on how many threads ran.
     */
    private static NssFit.Aggd productAggd(Plane m, int dy, int dx) {
        int h = m.height();
        int w = m.width();
        int bands = (h + BAND - 1) / BAND;
        NssFit.Moments[] parts = new NssFit.Moments[bands];
        GaussianFilter.rows(bands, BAND * w, b -> {
            NssFit.Moments part = new NssFit.Moments();
            int y0 = b * BAND;
            int y1 = Math.min(h, y0 + BAND);
            double[] row = new double[w];
            for (int y = y0; y < y1; y++) {
                NssFit.Moments.productRow(m.data(), y * w, Math.floorMod(y - dy, h) * w, w, dx, row);
                part.addAll(row, 0, w);
            }
            parts[b] = part;
        });
        NssFit.Moments all = new NssFit.Moments();
        for (NssFit.Moments p : parts) {
            all.merge(p);
        }
        return all.aggd();
    }

    public static double score(Plane y255, BrisqueModel model) throws StudioException {
        return model.predict(features(y255));
    }
}
