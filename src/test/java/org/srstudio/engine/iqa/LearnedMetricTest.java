package org.srstudio.engine.iqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.testing.SharedData;

/** The TorchScript runner on tools/fixtures' tiny model, whose score is 10 × the mean RGB value of each patch. */
class LearnedMetricTest {
    @TempDir
    Path tmp;

    private static Path fixture() {
        return SharedData.repoRoot().resolve("src/test/resources/iqa/learned-tiny");
    }

    @Test
    void scoreIsTheMeanOfPatchScores() throws Exception {
        int w = 80;
        int h = 48;
        float[] d = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d[(c * h + y) * w + x] = (x + 2 * y + 10 * c) / 255f;
                }
            }
        }
        FloatImage img = new FloatImage(w, h, 3, d);
        try (LearnedMetric m = LearnedMetric.load(fixture())) {
            List<int[]> boxes = m.patches(w, h);
            assertThat(boxes).hasSize(4);
            double expected = 0;
            for (int[] b : boxes) {
                double s = 0;
                for (int c = 0; c < 3; c++) {
                    for (int y = b[1]; y < b[1] + b[3]; y++) {
                        for (int x = b[0]; x < b[0] + b[2]; x++) {
                            s += img.get(c, x, y);
                        }
                    }
                }
                expected += 10 * s / (3.0 * b[2] * b[3]) / boxes.size();
            }
            assertThat(m.score(img)).isCloseTo(expected, within(1e-4));
            assertThat(m.manifest().lowerIsBetter()).isFalse();
        }
    }

    @Test
    void gridPatchesCoverTheCorners() throws Exception {
        try (LearnedMetric m = LearnedMetric.load(fixture())) {
            List<int[]> boxes = m.patches(100, 60);
            assertThat(boxes).anyMatch(b -> b[0] == 0 && b[1] == 0);
            assertThat(boxes).anyMatch(b -> b[0] + b[2] == 100 && b[1] + b[3] == 60);
        }
    }

    @Test
    void tooSmallImageGivesSentence() throws Exception {
        try (LearnedMetric m = LearnedMetric.load(fixture())) {
            assertThatThrownBy(() -> m.score(FloatImage.blank(20, 40, 3))).isInstanceOf(StudioException.class)
                    .hasMessage("The learned metric tiny-mean needs an image of at least 32x32 pixels, got 20x40.");
        }
    }

    @Test
    void folderWithoutManifestSaysHowToExport() {
        assertThatThrownBy(() -> LearnedMetric.load(tmp)).hasMessageContaining("export_iqa.py");
    }

    @Test
    void invalidManifestGivesSentence() throws Exception {
        Files.writeString(tmp.resolve("iqa.json"), "{\"metric\": \"x\", \"file\": \"m.pt\", \"patches\": \"spiral\"}");
        assertThatThrownBy(() -> LearnedMetric.load(tmp)).isInstanceOf(StudioException.class).hasMessageContaining("spiral");
    }
}
