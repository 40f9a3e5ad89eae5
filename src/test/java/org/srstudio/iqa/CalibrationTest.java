package org.srstudio.iqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.srstudio.core.image.FloatImage;

/** NIQE, BRISQUE, PIQE, PSNR and SSIM against pyiqa's calibration values and the numpy reference's dumps. */
class CalibrationTest {
    @Test
    void yiqLumaEqualsReferenceDump() throws Exception {
        double[][] dump = IqaReference.table("iqa/reference/I04_luma_yiq_rounded_384x512.csv");
        Plane y = Luma.rounded255(IqaReference.dist("I04"), Luma.Space.YIQ);
        assertThat(y.height()).isEqualTo(dump.length);
        for (int r = 0; r < dump.length; r++) {
            for (int c = 0; c < dump[r].length; c++) {
                assertThat(y.get(c, r)).as("luma at %d,%d", c, r).isEqualTo(dump[r][c]);
            }
        }
    }

    @Test
    void niqeBlockFeaturesEqualReferenceDump() throws Exception {
        double[][] dump = IqaReference.table("iqa/reference/I04_niqe_block_features_20x36.csv");
        double[][] f = Niqe.blockFeatures(Luma.rounded255(IqaReference.dist("I04"), Luma.Space.YIQ));
        assertThat(f.length).isEqualTo(dump.length);
        for (int b = 0; b < dump.length; b++) {
            for (int j = 0; j < 36; j++) {
                assertThat(f[b][j]).as("block %d feature %d", b, j).isCloseTo(dump[b][j], within(1e-4));
            }
        }
    }

    @Test
    void brisqueFeaturesEqualReferenceDump() throws Exception {
        double[] dump = IqaReference.table("iqa/reference/I04_brisque_features_36.csv")[0];
        double[] f = Brisque.features(Luma.rounded255(IqaReference.dist("I04"), Luma.Space.YIQ));
        for (int j = 0; j < 36; j++) {
            assertThat(f[j]).as("feature %d", j).isCloseTo(dump[j], within(1e-4));
        }
    }

    @Test
    void piqeMatchesPyiqaWithinFiveHundredths() throws Exception {
        double[] expected = IqaReference.calibration("piqe(ours)");
        for (int i = 0; i < expected.length; i++) {
            FloatImage img = IqaReference.dist(IqaReference.IMAGES[i]);
            assertThat(Piqe.score(Luma.unit(img, Luma.Space.YIQ))).as(IqaReference.IMAGES[i])
                    .isCloseTo(expected[i], within(0.05));
        }
    }

    @Test
    void niqeMatchesPyiqaWithinOnePercent() throws Exception {
        double[] expected = IqaReference.calibration("niqe(ours)");
        NiqeModel model = IqaReference.liveNiqe();
        for (int i = 0; i < expected.length; i++) {
            FloatImage img = IqaReference.dist(IqaReference.IMAGES[i]);
            double v = Niqe.score(Luma.rounded255(img, Luma.Space.YIQ), model);
            assertThat(v).as(IqaReference.IMAGES[i]).isCloseTo(expected[i], within(0.01 * Math.abs(expected[i])));
        }
    }

    @Test
    void brisqueMatchesPyiqaWithinTwoPercentOnTexturedImages() throws Exception {
        double[] expected = IqaReference.calibration("brisque(ours)");
        BrisqueModel model = IqaReference.liveBrisque();
        for (int i : new int[] {0, 1}) {
            FloatImage img = IqaReference.dist(IqaReference.IMAGES[i]);
            double v = Brisque.score(Luma.rounded255(img, Luma.Space.YIQ), model);
            assertThat(v).as(IqaReference.IMAGES[i]).isCloseTo(expected[i], within(0.02 * Math.abs(expected[i])));
        }
    }

    /**
     * On I06 pyiqa's BRISQUE (1.0732) is driven by float32 rounding noise in flat areas (research notes §2.5), so
     * no deterministic port can match it to 2 %; the flat-noise-free value is checked against the LIVE MATLAB
     * score instead, to 2 %, and against pyiqa within pyiqa's own test tolerance for BRISQUE (8 %).
     */
    @Test
    void brisqueOnFlatAreasMatchesLiveMatlab() throws Exception {
        double official = IqaReference.calibration("brisque")[2];
        double pyiqa = IqaReference.calibration("brisque(ours)")[2];
        double v = Brisque.score(Luma.rounded255(IqaReference.dist("I06"), Luma.Space.YIQ), IqaReference.liveBrisque());
        assertThat(v).isCloseTo(official, within(0.02 * Math.abs(official)));
        assertThat(v).isCloseTo(pyiqa, within(0.08 * Math.abs(pyiqa)));
    }

    @Test
    void scoresEqualNumpyReferenceWithFlatNoiseRemoved() throws Exception {
        double[] niqe = IqaReference.referenceRow("niqe", "numpy snap|mscn|<1e-8");
        double[] brisque = IqaReference.referenceRow("brisque", "numpy snap|mscn|<1e-8");
        double[] piqe = IqaReference.referenceRow("piqe", "numpy snap|mscn|<1e-8");
        for (int i = 0; i < IqaReference.IMAGES.length; i++) {
            String n = IqaReference.IMAGES[i];
            FloatImage img = IqaReference.dist(n);
            Plane y = Luma.rounded255(img, Luma.Space.YIQ);
            assertThat(Niqe.score(y, IqaReference.liveNiqe())).as("NIQE " + n).isCloseTo(niqe[i], within(1e-3));
            assertThat(Brisque.score(y, IqaReference.liveBrisque())).as("BRISQUE " + n).isCloseTo(brisque[i], within(1e-3));
            assertThat(Piqe.score(Luma.unit(img, Luma.Space.YIQ))).as("PIQE " + n).isCloseTo(piqe[i], within(1e-3));
        }
    }

    @Test
    void psnrRgbAndSsimYiqMatchPyiqa() throws Exception {
        double[] psnr = IqaReference.calibration("psnr(ours)");
        double[] ssim = IqaReference.calibration("ssim(ours)");
        for (int i = 0; i < psnr.length; i++) {
            String n = IqaReference.IMAGES[i];
            FloatImage d = IqaReference.dist(n);
            FloatImage r = IqaReference.ref(n);
            assertThat(FullReference.psnr(d, r, new FrOptions(FrOptions.Mode.RGB, 0))).as(n).isCloseTo(psnr[i], within(1e-3));
            assertThat(FullReference.ssim(d, r, new FrOptions(FrOptions.Mode.Y_YIQ, 0))).as(n).isCloseTo(ssim[i], within(1e-3));
        }
    }
}
