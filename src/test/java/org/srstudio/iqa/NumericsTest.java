package org.srstudio.iqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.srstudio.testing.SharedData;

class NumericsTest {
    @Test
    void nearestGridEntryAgreesWithFullScan() {
        Random rnd = new Random(7);
        double[][] tables = new double[2][NssFit.GAMMA_GRID.length];
        for (int i = 0; i < NssFit.GAMMA_GRID.length; i++) {
            double a = NssFit.GAMMA_GRID[i];
            tables[0][i] = Math.exp(2 * NssFit.lnGamma(2 / a) - NssFit.lnGamma(1 / a) - NssFit.lnGamma(3 / a));
            tables[1][i] = 1 / tables[0][i];
        }
        for (double[] t : tables) {
            for (int k = 0; k < 20000; k++) {
                double target = t[0] + (t[t.length - 1] - t[0]) * (rnd.nextDouble() * 1.2 - 0.1);
                int scan = 0;
                for (int i = 1; i < t.length; i++) {
                    if (Math.abs(t[i] - target) < Math.abs(t[scan] - target)) {
                        scan = i;
                    }
                }
                assertThat(NssFit.nearest(t, target)).isEqualTo(scan);
            }
        }
    }

    @Test
    void lnGammaMatchesKnownValues() {
        assertThat(NssFit.lnGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-13));
        assertThat(NssFit.lnGamma(5)).isCloseTo(Math.log(24), within(1e-13));
        assertThat(NssFit.lnGamma(0.1)).isCloseTo(2.252712651734206, within(1e-12));
    }

    @Test
    void pseudoInverseInvertsAFullRankMatrix() {
        Random rnd = new Random(3);
        int n = 36;
        double[][] a = new double[n][n];
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = rnd.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += b[i][k] * b[j][k];
                }
            }
        }
        double[][] inv = Stats.pseudoInverseSymmetric(a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i][k] * inv[k][j];
                }
                assertThat(s).isCloseTo(i == j ? 1 : 0, within(1e-8));
            }
        }
    }

    @Test
    void gaussianWindowEqualsBasicsrWindow() throws Exception {
        double[][] ref = IqaReference.table("iqa/params/basicsr_gaussian_window_7x7.csv");
        double[][] w = GaussianFilter.nss().window();
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertThat(w[i][j]).isCloseTo(ref[i][j], within(1e-15));
            }
        }
    }

    @Test
    void gammaGridIsFloat32Arange() {
        assertThat(NssFit.GAMMA_GRID).hasSize(9801);
        assertThat(NssFit.GAMMA_GRID[0]).isEqualTo((double) 0.2f);
        assertThat(NssFit.GAMMA_GRID[9800]).isCloseTo(10.0, within(1e-4));
    }
}
