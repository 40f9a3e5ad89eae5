package org.srstudio.core.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.srstudio.core.image.FloatImage;

class GuidanceAndTilingTest {
    @Test
    void batchedAndSeparateGuidanceAgree() {
        float[] u = NoiseSource.seeded(3).next(50);
        float[] c = NoiseSource.seeded(4).next(50);
        float[] batch = new float[100];
        System.arraycopy(u, 0, batch, 0, 50);
        System.arraycopy(c, 0, batch, 50, 50);
        assertThat(Guidance.combineBatched(batch, 4.5f)).containsExactly(Guidance.combine(u, c, 4.5f));
    }

    @Test
    void guidanceScaleOneGivesTheConditionalPrediction() {
        float[] u = {1f, -2f, 0.5f};
        float[] c = {3f, 0f, 0.25f};
        assertThat(Guidance.combine(u, c, 1f)).containsExactly(c);
        assertThat(Guidance.combine(u, c, 0f)).containsExactly(u);
        assertThat(Guidance.combine(u, c, 2f)).containsExactly(5f, 2f, 0f);
    }

    @Test
    void mismatchedGuidanceHalvesGiveSentence() {
        assertThatThrownBy(() -> Guidance.combine(new float[2], new float[3], 1f))
                .hasMessage("The conditional prediction has 3 values but the unconditional one has 2.");
    }

    @Test
    void blendOfConstantTilesIsThatConstant() {
        int c = 2;
        int w = 100;
        int h = 70;
        int tile = 32;
        LatentTiling.Blender blender = new LatentTiling.Blender(c, w, h, tile);
        float[] pred = new float[c * tile * tile];
        for (int k = 0; k < pred.length; k++) {
            pred[k] = k < tile * tile ? 0.75f : -2f;
        }
        for (int y0 : LatentTiling.origins(h, tile, 8)) {
            for (int x0 : LatentTiling.origins(w, tile, 8)) {
                blender.add(pred, x0, y0);
            }
        }
        float[] out = blender.result();
        for (int k = 0; k < w * h; k++) {
            assertThat(out[k]).isCloseTo(0.75f, within(1e-6f));
            assertThat(out[w * h + k]).isCloseTo(-2f, within(1e-6f));
        }
    }

    @Test
    void resetBlenderForgetsThePreviousStep() {
        LatentTiling.Blender reused = new LatentTiling.Blender(1, 10, 10, 4);
        LatentTiling.Blender fresh = new LatentTiling.Blender(1, 10, 10, 4);
        float[] first = new float[16];
        java.util.Arrays.fill(first, 5f);
        float[] second = new float[16];
        for (int k = 0; k < second.length; k++) {
            second[k] = k;
        }
        for (int y0 : LatentTiling.origins(10, 4, 1)) {
            for (int x0 : LatentTiling.origins(10, 4, 1)) {
                reused.add(first, x0, y0);
            }
        }
        reused.reset();
        for (int y0 : LatentTiling.origins(10, 4, 1)) {
            for (int x0 : LatentTiling.origins(10, 4, 1)) {
                reused.add(second, x0, y0);
                fresh.add(second, x0, y0);
            }
        }

        assertThat(reused.result()).containsExactly(fresh.result());
    }

    @Test
    void tilingCropsAndBlendsBackTheSameLatent() {
        int c = 4;
        int w = 45;
        int h = 40;
        int tile = 16;
        float[] latent = NoiseSource.seeded(9).next(c * w * h);
        LatentTiling.Blender blender = new LatentTiling.Blender(c, w, h, tile);
        for (int y0 : LatentTiling.origins(h, tile, 6)) {
            for (int x0 : LatentTiling.origins(w, tile, 6)) {
                blender.add(LatentTiling.crop(latent, c, w, h, x0, y0, tile), x0, y0);
            }
        }
        float[] out = blender.result();
        for (int k = 0; k < out.length; k++) {
            assertThat(out[k]).isCloseTo(latent[k], within(1e-5f));
        }
    }

    @Test
    void tilingIsNeededOnlyAboveTheTileArea() {
        assertThat(LatentTiling.needed(96, 96, 96)).isFalse();
        assertThat(LatentTiling.needed(97, 96, 96)).isTrue();
    }

    @Test
    void uncoveredLatentGivesError() {
        LatentTiling.Blender blender = new LatentTiling.Blender(1, 10, 10, 4);
        blender.add(new float[16], 0, 0);
        assertThatThrownBy(blender::result).hasMessageContaining("was not covered by any tile");
    }

    @Test
    void adainMovesChannelStatisticsToTheReference() {
        FloatImage content = DiffusionUtilsReferenceTest.testImage(3, 20, 30, true);
        FloatImage style = DiffusionUtilsReferenceTest.testImage(3, 12, 9, false);
        // Content values leave [0,1] (0.5 ± 0.55), so compare before clamping matters: use a narrower content.
        float[] d = content.data().clone();
        for (int k = 0; k < d.length; k++) {
            d[k] = 0.5f + 0.5f * (d[k] - 0.5f);
        }
        FloatImage out = ColorCorrection.adain(new FloatImage(30, 20, 3, d), style);
        for (int ch = 0; ch < 3; ch++) {
            assertThat(mean(out, ch)).isCloseTo(mean(style, ch), within(1e-4));
        }
    }

    @Test
    void waveletOfAnImageAgainstItselfIsIdentity() {
        FloatImage img = DiffusionUtilsReferenceTest.testImage(3, 17, 23, false);
        FloatImage out = ColorCorrection.wavelet(img, img);
        for (int k = 0; k < img.data().length; k++) {
            assertThat(out.data()[k]).isCloseTo(img.data()[k], within(1e-5f));
        }
    }

    @Test
    void waveletRefusesDifferentSizes() {
        assertThatThrownBy(() -> ColorCorrection.wavelet(FloatImage.blank(8, 8, 3), FloatImage.blank(4, 4, 3)))
                .hasMessage("Wavelet colour fix needs a reference of the same size, got 4x4 for a 8x8 image.");
    }

    private static double mean(FloatImage img, int c) {
        double s = 0;
        int n = img.width() * img.height();
        for (int k = 0; k < n; k++) {
            s += img.data()[img.planeOffset(c) + k];
        }
        return s / n;
    }
}
