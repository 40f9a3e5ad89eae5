package org.srstudio.iqa;

import java.util.Arrays;
import java.util.Objects;

/**
 * A NIQE pristine model: the mean (36) and covariance (36 × 36) of the natural-scene features of pristine
 * images. {@code source} says where it was read from, for result labels and cache keys.
 */
public record NiqeModel(double[] mu, double[][] cov, String source) {
    public static final int FEATURES = 36;

    public NiqeModel {
        Objects.requireNonNull(source, "source");
        if (mu.length != FEATURES || cov.length != FEATURES) {
            throw new IllegalArgumentException("A NIQE model has 36 means and a 36x36 covariance, got " + mu.length
                    + " and " + cov.length + " rows");
        }
        for (double[] row : cov) {
            if (row.length != FEATURES) {
                throw new IllegalArgumentException("A NIQE covariance row has 36 values, got " + row.length);
            }
        }
        mu = mu.clone();
        cov = Arrays.stream(cov).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] mu() {
        return mu.clone();
    }

    @Override
    public double[][] cov() {
        return Arrays.stream(cov).map(double[]::clone).toArray(double[][]::new);
    }

    /** A digest of the numbers, so that two files with the same model share cached scores. */
    public String fingerprint() {
        return Long.toHexString(Arrays.hashCode(mu) * 31L + Arrays.deepHashCode(cov));
    }
}
