package org.srstudio.iqa;

import java.util.Arrays;
import java.util.Objects;

/**
 * An RBF epsilon-SVR over the 36 BRISQUE features: support vectors in the scaled ([−1, 1]) feature space, their
 * coefficients, γ and ρ, and the per-feature (min, max) used for scaling. Score = Σ cᵢ·exp(−γ‖f′ − svᵢ‖²) − ρ.
 * The LIVE release model and OpenCV's retrained model are both of this form.
 */
public record BrisqueModel(double[][] supportVectors, double[] coefficients, double gamma, double rho,
                           double[] featureMin, double[] featureMax, String source) {
    public static final int FEATURES = 36;

    public BrisqueModel {
        Objects.requireNonNull(source, "source");
        if (supportVectors.length == 0 || supportVectors.length != coefficients.length) {
            throw new IllegalArgumentException("A BRISQUE model needs one coefficient per support vector, got "
                    + supportVectors.length + " vectors and " + coefficients.length + " coefficients");
        }
        for (double[] sv : supportVectors) {
            if (sv.length != FEATURES) {
                throw new IllegalArgumentException("A BRISQUE support vector has 36 values, got " + sv.length);
            }
        }
        if (featureMin.length != FEATURES || featureMax.length != FEATURES) {
            throw new IllegalArgumentException("A BRISQUE feature range has 36 (min, max) pairs");
        }
        for (int i = 0; i < FEATURES; i++) {
            if (!(featureMax[i] > featureMin[i])) {
                throw new IllegalArgumentException("BRISQUE feature range " + (i + 1) + " is empty");
            }
        }
        if (!(gamma > 0)) {
            throw new IllegalArgumentException("BRISQUE gamma must be positive, got " + gamma);
        }
        supportVectors = Arrays.stream(supportVectors).map(double[]::clone).toArray(double[][]::new);
        coefficients = coefficients.clone();
        featureMin = featureMin.clone();
        featureMax = featureMax.clone();
    }

    /** The LIVE release's hyper-parameters (libsvm {@code allmodel} header). */
    public static final double LIVE_GAMMA = 0.05;
    public static final double LIVE_RHO = -153.591;

    public double predict(double[] features) {
        double[] scaled = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            scaled[i] = -1 + 2 * (features[i] - featureMin[i]) / (featureMax[i] - featureMin[i]);
        }
        double sum = 0;
        for (int k = 0; k < supportVectors.length; k++) {
            double[] sv = supportVectors[k];
            double d2 = 0;
            for (int i = 0; i < FEATURES; i++) {
                double d = scaled[i] - sv[i];
                d2 += d * d;
            }
            sum += coefficients[k] * Math.exp(-gamma * d2);
        }
        return sum - rho;
    }

    public String fingerprint() {
        return Long.toHexString(Arrays.deepHashCode(supportVectors) * 31L + Arrays.hashCode(coefficients)
                + Double.hashCode(gamma) * 17L + Double.hashCode(rho) + Arrays.hashCode(featureMin) * 7L
                + Arrays.hashCode(featureMax));
    }
}
