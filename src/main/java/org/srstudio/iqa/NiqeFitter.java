package org.srstudio.iqa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.srstudio.core.StudioException;
import org.srstudio.iqa.GaussianFilter.Border;

/**
 * Fits a NIQE pristine model from pristine images as the LIVE release's {@code estimatemodelparam.m} does:
 * 96 × 96 blocks, the same 36 features as scoring, and only each image's sharp blocks (mean local σ above 0.75 ×
 * the image's sharpest block); the model is the mean and covariance of the kept blocks' features. Luma is
 * pyiqa's round(255·Y) of YIQ, as the scorer uses.
 */
public final class NiqeFitter {
    public static final double SHARPNESS_THRESHOLD = 0.75;

    private final List<double[]> kept = new ArrayList<>();
    private int images;

    /** Adds one pristine image's sharp blocks; returns how many were kept. */
    public int add(Plane y255) throws StudioException {
        double[][] feats = Niqe.blockFeatures(y255);
        double[] sharp = sharpness(y255);
        double max = Arrays.stream(sharp).max().orElse(0);
        int n = 0;
        for (int b = 0; b < feats.length; b++) {
            if (sharp[b] > SHARPNESS_THRESHOLD * max) {
                kept.add(feats[b]);
                n++;
            }
        }
        images++;
        return n;
    }

    public int images() {
        return images;
    }

    public int blocks() {
        return kept.size();
    }

    public NiqeModel fit(String source) throws StudioException {
        double[][] all = kept.toArray(double[][]::new);
        double[] mu = new double[NiqeModel.FEATURES];
        for (int j = 0; j < mu.length; j++) {
            double s = 0;
            int c = 0;
            for (double[] r : all) {
                if (!Double.isNaN(r[j])) {
                    s += r[j];
                    c++;
                }
            }
            mu[j] = c > 0 ? s / c : Double.NaN;
        }
        double[][] clean = Arrays.stream(all).filter(r -> Arrays.stream(r).noneMatch(Double::isNaN)).toArray(double[][]::new);
        if (clean.length < 2 || Arrays.stream(mu).anyMatch(Double::isNaN)) {
            throw new StudioException("Fitting a NIQE model needs at least two sharp, textured 96x96 blocks, but the "
                    + images + " image(s) gave " + clean.length + ".");
        }
        return new NiqeModel(mu, Stats.covariance(clean), source);
    }

    /** Mean local standard deviation per 96 × 96 block at full scale (row-major), LIVE's "sharpness". */
    static double[] sharpness(Plane y255) {
        int nh = y255.height() / Niqe.BLOCK;
        int nw = y255.width() / Niqe.BLOCK;
        Plane img = y255.crop(0, 0, nw * Niqe.BLOCK, nh * Niqe.BLOCK);
        GaussianFilter g = GaussianFilter.nss();
        double[] v = img.data();
        double[] sq = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            sq[i] = v[i] * v[i];
        }
        double[] mu = g.same(v, img.width(), img.height(), Border.REPLICATE);
        double[] ex2 = g.same(sq, img.width(), img.height(), Border.REPLICATE);
        double[] out = new double[nh * nw];
        int w = img.width();
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                out[(y / Niqe.BLOCK) * nw + x / Niqe.BLOCK] += Math.sqrt(Math.abs(ex2[i] - mu[i] * mu[i]));
            }
        }
        for (int b = 0; b < out.length; b++) {
            out[b] /= (double) Niqe.BLOCK * Niqe.BLOCK;
        }
        return out;
    }
}
