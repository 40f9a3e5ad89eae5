package org.srstudio.iqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.image.FloatImage;

/** Odd sizes, gray, alpha, 16-bit and too-small inputs give scores or sentences, never NaN. */
class EdgeCasesTest {
    @TempDir
    Path tmp;

    private static MetricScorer scorer() throws Exception {
        return new MetricScorer(org.srstudio.iqa.params.IqaParameters.of(IqaReference.liveNiqe(), IqaReference.liveBrisque()));
    }

    @Test
    void oddSizedImageGetsFiniteScores() throws Exception {
        MetricScorer s = scorer();
        FloatImage img = TestImages.textured(301, 211, 3, 1);
        for (Metric m : List.of(Metric.NIQE, Metric.BRISQUE, Metric.PIQE)) {
            MetricResult r = s.score(m, img, null, FrOptions.defaults());
            assertThat(r.ok()).as(m + ": " + r.message()).isTrue();
            assertThat(r.value()).isFinite();
        }
        MetricResult psnr = s.score(Metric.PSNR, img, TestImages.textured(301, 211, 3, 2), FrOptions.srProtocol(3));
        assertThat(psnr.value()).isFinite();
    }

    @Test
    void grayImageScoresAsRgbWithEqualChannels() throws Exception {
        MetricScorer s = scorer();
        FloatImage gray = TestImages.textured(200, 150, 1, 5);
        for (Metric m : List.of(Metric.NIQE, Metric.BRISQUE, Metric.PIQE)) {
            assertThat(s.score(m, gray, null, FrOptions.defaults()).value())
                    .isEqualTo(s.score(m, gray.toRgb(), null, FrOptions.defaults()).value());
        }
    }

    @Test
    void alphaChannelIsIgnored() throws Exception {
        FloatImage rgb = TestImages.textured(200, 120, 3, 9);
        BufferedImage opaque = toBuffered(rgb, BufferedImage.TYPE_INT_RGB);
        BufferedImage translucent = toBuffered(rgb, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 200; x++) {
                int argb = translucent.getRGB(x, y);
                translucent.setRGB(x, y, (argb & 0xffffff) | ((x * 255 / 200) << 24));
            }
        }
        ImageIO.write(opaque, "png", tmp.resolve("a.png").toFile());
        ImageIO.write(translucent, "png", tmp.resolve("b.png").toFile());
        MetricScorer s = scorer();
        FloatImage a = new org.srstudio.core.image.ImageDecoder().decode(tmp.resolve("a.png")).color();
        FloatImage b = new org.srstudio.core.image.ImageDecoder().decode(tmp.resolve("b.png")).color();
        assertThat(b.channels()).isEqualTo(3);
        for (Metric m : List.of(Metric.NIQE, Metric.BRISQUE, Metric.PIQE)) {
            MetricResult withAlpha = s.score(m, b, null, FrOptions.defaults());
            assertThat(withAlpha.ok()).as(withAlpha.message()).isTrue();
            assertThat(withAlpha.value()).isEqualTo(s.score(m, a, null, FrOptions.defaults()).value());
        }
    }

    @Test
    void sixteenBitImageScoresLikeItsEightBitTwin() throws Exception {
        FloatImage g8 = TestImages.textured(192, 128, 1, 4);
        BufferedImage b16 = new BufferedImage(192, 128, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = b16.getRaster();
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 192; x++) {
                r.setSample(x, y, 0, Math.round(g8.get(0, x, y) * 255) * 257);
            }
        }
        ImageIO.write(b16, "png", tmp.resolve("g16.png").toFile());
        FloatImage read = new org.srstudio.core.image.ImageDecoder().decode(tmp.resolve("g16.png")).color();
        MetricScorer s = scorer();
        for (Metric m : List.of(Metric.NIQE, Metric.BRISQUE, Metric.PIQE)) {
            assertThat(s.score(m, read, null, FrOptions.defaults()).value())
                    .isCloseTo(s.score(m, g8, null, FrOptions.defaults()).value(), within(1e-6));
        }
    }

    @Test
    void tooSmallImagesGiveSentences() throws Exception {
        MetricScorer s = scorer();
        FloatImage tiny = TestImages.textured(12, 10, 3, 3);
        for (Metric m : List.of(Metric.NIQE, Metric.BRISQUE, Metric.PIQE)) {
            MetricResult r = s.score(m, tiny, null, FrOptions.defaults());
            assertThat(r.status()).isEqualTo(MetricResult.Status.FAILED);
            assertThat(r.message()).contains("12x10").endsWith(".");
            assertThat(r.score()).isEmpty();
        }
        MetricResult niqe = s.score(Metric.NIQE, TestImages.textured(95, 300, 3, 3), null, FrOptions.defaults());
        assertThat(niqe.message()).contains("192x96");
        MetricResult ssim = s.score(Metric.SSIM, tiny, tiny, FrOptions.srProtocol(2));
        assertThat(ssim.status()).isEqualTo(MetricResult.Status.FAILED);
        assertThat(ssim.message()).contains("too small");
    }

    @Test
    void uniformImageGivesPiqeHundredAndNiqeSentence() throws Exception {
        MetricScorer s = scorer();
        FloatImage flat = TestImages.uniform(200, 200, 0.5f);
        assertThat(s.score(Metric.PIQE, flat, null, FrOptions.defaults()).value()).isEqualTo(100.0);
        MetricResult niqe = s.score(Metric.NIQE, flat, null, FrOptions.defaults());
        assertThat(niqe.status()).isEqualTo(MetricResult.Status.FAILED);
        assertThat(niqe.message()).contains("texture");
        MetricResult brisque = s.score(Metric.BRISQUE, flat, null, FrOptions.defaults());
        assertThat(brisque.status()).isEqualTo(MetricResult.Status.FAILED);
        assertThat(s.score(Metric.PIQE, TestImages.uniform(64, 64, 0f), null, FrOptions.defaults()).value()).isEqualTo(100.0);
    }

    @Test
    void identicalImagesHaveInfinitePsnrAndUnitSsim() throws Exception {
        FloatImage img = TestImages.textured(64, 48, 3, 8);
        assertThat(FullReference.psnr(img, img, FrOptions.srProtocol(4))).isInfinite();
        assertThat(FullReference.psnr(img, img, new FrOptions(FrOptions.Mode.RGB, 0))).isCloseTo(80.0, within(1e-9));
        assertThat(FullReference.ssim(img, img, FrOptions.srProtocol(4))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void sizeMismatchGivesSentence() throws Exception {
        MetricResult r = scorer().score(Metric.PSNR, TestImages.textured(64, 48, 3, 1), TestImages.textured(64, 50, 3, 1),
                FrOptions.defaults());
        assertThat(r.status()).isEqualTo(MetricResult.Status.FAILED);
        assertThat(r.message()).isEqualTo("The reference is 64x50 but the image is 64x48, so they cannot be compared.");
    }

    private static BufferedImage toBuffered(FloatImage img, int type) {
        BufferedImage b = new BufferedImage(img.width(), img.height(), type);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int r = Math.round(img.get(0, x, y) * 255);
                int g = Math.round(img.get(1, x, y) * 255);
                int bl = Math.round(img.get(2, x, y) * 255);
                b.setRGB(x, y, 0xff000000 | r << 16 | g << 8 | bl);
            }
        }
        return b;
    }
}
