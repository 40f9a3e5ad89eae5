package org.srstudio.core.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.srstudio.core.Json;
import org.srstudio.core.image.FloatImage;

/** Colour fixes and tile weights against numpy tables written from the formulas (tools/fixtures). */
class DiffusionUtilsReferenceTest {
    private static JsonNode table;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = DiffusionUtilsReferenceTest.class.getResourceAsStream("/fixtures/diffusion-utils/diffusion_utils.json")) {
            table = Json.mapper().readTree(in);
        }
    }

    /** Mirrors test_image() of the generator script. */
    static FloatImage testImage(int c, int h, int w, boolean content) {
        float[] d = new float[c * h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = content ? 0.5 + 0.55 * Math.sin(0.3 * x + 0.7 * y + ch)
                            : 0.3 + 0.25 * Math.cos(0.5 * x - 0.2 * y + 2.0 * ch);
                    d[(ch * h + y) * w + x] = (float) v;
                }
            }
        }
        return new FloatImage(w, h, c, d);
    }

    private static void assertClose(float[] actual, JsonNode expected, double tol) {
        assertThat(actual).hasSize(expected.size());
        for (int k = 0; k < actual.length; k++) {
            assertThat((double) actual[k]).as("[%d]", k).isCloseTo(expected.get(k).asDouble(), within(tol));
        }
    }

    @Test
    void adainMatchesFormulaReference() {
        FloatImage out = ColorCorrection.adain(testImage(3, 9, 11, true), testImage(3, 5, 4, false));
        assertClose(out.data(), table.get("adain").get("result"), 1e-5);
    }

    @Test
    void waveletMatchesFormulaReference() {
        FloatImage out = ColorCorrection.wavelet(testImage(3, 9, 11, true), testImage(3, 9, 11, false));
        assertClose(out.data(), table.get("wavelet").get("result"), 1e-5);
    }

    @Test
    void gaussianWeightsMatchFormulaReference() {
        for (JsonNode g : table.get("gaussian_weights")) {
            float[] w = LatentTiling.gaussianWeights(g.get("width").asInt(), g.get("height").asInt());
            assertClose(w, g.get("weights"), 1e-6);
        }
    }

    @Test
    void tileOriginsMatchReference() {
        for (JsonNode t : table.get("tile_origins")) {
            int[] o = LatentTiling.origins(t.get("size").asInt(), t.get("tile").asInt(), t.get("overlap").asInt());
            int[] want = new int[t.get("origins").size()];
            for (int i = 0; i < want.length; i++) {
                want[i] = t.get("origins").get(i).asInt();
            }
            assertThat(o).as(t.toString()).containsExactly(want);
        }
    }
}
