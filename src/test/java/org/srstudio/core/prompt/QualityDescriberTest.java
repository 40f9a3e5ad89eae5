package org.srstudio.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.srstudio.core.image.FloatImage;

class QualityDescriberTest {
    private static final List<String> VERDICTS = List.of("very poor", "poor", "fair", "good", "excellent");

    private static int verdictRank(String text) {
        String marker = "Overall, the quality of this image is ";
        int at = text.indexOf(marker);
        assertThat(at).as("verdict in: " + text).isNotNegative();
        String verdict = text.substring(at + marker.length(), text.length() - 1);
        assertThat(VERDICTS).contains(verdict);
        return VERDICTS.indexOf(verdict);
    }

    @Test
    void sharpCheckerboardReadsSharpAndItsBlurredCopyBlurry() {
        FloatImage sharp = TestImages.checkerboard(240, 240, 24);
        FloatImage blurred = TestImages.quantised(TestImages.gaussianBlur(sharp, 3.0));

        QualityMeasurements sharpM = QualityDescriber.measure(sharp);
        QualityMeasurements blurredM = QualityDescriber.measure(blurred);
        String sharpText = QualityDescriber.describe(sharp);
        String blurredText = QualityDescriber.describe(blurred);

        assertThat(sharpText).startsWith("The image is sharp").doesNotContain("blurry");
        assertThat(blurredText).contains("blurry").doesNotContain("sharp");
        assertThat(blurredM.edgeSpread()).isGreaterThan(sharpM.edgeSpread() + 1.0);
        assertThat(blurredM.laplacianVariance()).isLessThan(sharpM.laplacianVariance() / 10);
        assertThat(verdictRank(blurredText)).isLessThan(verdictRank(sharpText));
    }

    @Test
    void edgeSpreadFollowsTheBlurRadius() {
        FloatImage scene = TestImages.scene(320, 240);
        double mild = QualityDescriber.measure(TestImages.quantised(TestImages.gaussianBlur(scene, 1.5))).edgeSpread();
        double strong = QualityDescriber.measure(TestImages.quantised(TestImages.gaussianBlur(scene, 3.0))).edgeSpread();

        assertThat(mild).isBetween(1.0, 2.0);
        assertThat(strong).isBetween(2.2, 3.6);
    }

    @Test
    void addedGaussianNoiseIsMeasuredAndNamed() {
        FloatImage clean = TestImages.quantised(TestImages.scene(256, 192));
        FloatImage noisy = TestImages.quantised(TestImages.withNoise(TestImages.scene(256, 192), 15, 42));

        double cleanSigma = QualityDescriber.measure(clean).noiseSigma();
        double noisySigma = QualityDescriber.measure(noisy).noiseSigma();

        assertThat(cleanSigma).isLessThan(1.0);
        assertThat(noisySigma).isBetween(12.0, 18.0);
        assertThat(QualityDescriber.describe(clean)).contains("no visible noise");
        assertThat(QualityDescriber.describe(noisy)).contains("heavy noise");
        assertThat(verdictRank(QualityDescriber.describe(noisy))).isLessThan(verdictRank(QualityDescriber.describe(clean)));
    }

    @Test
    void moderateNoiseOnEdgesIsNotMistakenForBlurOrSharpness() {
        FloatImage blurredNoisy = TestImages.quantised(TestImages.withNoise(
                TestImages.gaussianBlur(TestImages.scene(320, 240), 2.5), 6, 3));

        String text = QualityDescriber.describe(blurredNoisy);

        assertThat(text).contains("blurry").contains("noticeable noise");
    }

    @Test
    void jpegAtQualityTenShowsCompressionArtifactsAndPngDoesNot() throws Exception {
        FloatImage scene = TestImages.scene(320, 240);
        FloatImage jpeg = TestImages.jpegRoundTrip(scene, 0.10f);
        FloatImage png = TestImages.pngRoundTrip(scene);

        assertThat(QualityDescriber.measure(jpeg).blockiness()).isGreaterThan(3 * QualityDescriber.measure(png).blockiness());
        assertThat(QualityDescriber.describe(jpeg)).contains("compression artifacts");
        assertThat(QualityDescriber.describe(png)).doesNotContain("compression");
    }

    @Test
    void flatGreyLowContrastImageSaysSo() {
        FloatImage dull = TestImages.checkerboard(160, 160, 20);
        float[] d = dull.data();
        int n = dull.width() * dull.height();
        for (int i = 0; i < n; i++) {
            // nearly grey, within a narrow band around mid grey
            float v = 0.45f + 0.1f * (d[i] + d[n + i] + d[2 * n + i]) / 3f;
            d[i] = v;
            d[n + i] = v;
            d[2 * n + i] = v + 0.005f;
        }

        String text = QualityDescriber.describe(dull);

        assertThat(text).contains("contrast is low").contains("without color");
    }

    @Test
    void darkImageIsCalledUnderexposed() {
        FloatImage dark = TestImages.scene(160, 120);
        float[] d = dark.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= 0.25f;
        }

        assertThat(QualityDescriber.describe(dark)).contains("underexposed");
    }

    @Test
    void nrIqaScoresMoveTheVerdict() {
        QualityMeasurements m = QualityDescriber.measure(TestImages.quantised(TestImages.gaussianBlur(TestImages.scene(200, 150), 1.5)));

        String praised = QualityDescriber.describe(m, Map.of("NIQE", 3.0, "brisque", 5.0));
        String panned = QualityDescriber.describe(m, Map.of("niqe", 9.5, "BRISQUE", 85.0, "piqe", 95.0));
        String ignored = QualityDescriber.describe(m, Map.of("unknown-metric", 1.0, "niqe", Double.NaN));

        assertThat(verdictRank(panned)).isLessThan(verdictRank(praised));
        assertThat(ignored).isEqualTo(QualityDescriber.describe(m, Map.of()));
    }

    @Test
    void largeImagesAreMeasuredOnTheirCentre() {
        FloatImage big = TestImages.quantised(TestImages.withNoise(TestImages.scene(1400, 300), 8, 5));

        QualityMeasurements m = QualityDescriber.measure(big);

        assertThat(m.noiseSigma()).isBetween(6.0, 10.0);
    }

    @Test
    void grayImagesAreDescribedWithoutColorWords() {
        FloatImage gray = TestImages.scene(120, 90).plane(1);

        String text = QualityDescriber.describe(gray);

        assertThat(QualityDescriber.measure(gray).gray()).isTrue();
        assertThat(text).doesNotContain("colors are");
    }
}
