package org.srstudio.iqa;

/** Small dense linear algebra for 36 × 36 statistics: sample covariance and a symmetric pseudo-inverse. */
final class Stats {
    private Stats() {
    }

    /** Sample covariance (N − 1) of the rows, as numpy {@code np.cov(x, rowvar=False)}. */
    static double[][] covariance(double[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] c = new double[d][d];
        for (double[] r : rows) {
            for (int i = 0; i < d; i++) {
                double ri = r[i] - mean[i];
                for (int j = i; j < d; j++) {
                    c[i][j] += ri * (r[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= (n - 1);
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /**
     * Moore–Penrose inverse of a symmetric matrix through a Jacobi eigen-decomposition, dropping eigenvalues at
     * or below 1e-15 × the largest magnitude as numpy's {@code pinv} does with its default rcond.
     */
    static double[][] pseudoInverseSymmetric(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-300) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(a[i][i]));
        }
        double cutoff = 1e-15 * max;
        double[][] inv = new double[n][n];
        for (int k = 0; k < n; k++) {
            double e = a[k][k];
            if (Math.abs(e) <= cutoff) {
                continue;
            }
            double r = 1 / e;
            for (int i = 0; i < n; i++) {
                double vik = v[i][k] * r;
                for (int j = 0; j < n; j++) {
                    inv[i][j] += vik * v[j][k];
                }
            }
        }
        return inv;
    }
}
