package org.srstudio.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DiffHeatmapTest {
    private static final int[] RAMP = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            RAMP[i] = 0xFF000000 | i;
        }
    }

    @Start
    void start(Stage stage) {
        // Images need the toolkit; no window is shown.
    }

    private static WritableImage flat(int w, int h, int argb) {
        WritableImage img = new WritableImage(w, h);
        int[] row = new int[w];
        java.util.Arrays.fill(row, argb);
        for (int y = 0; y < h; y++) {
            img.getPixelWriter().setPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
        }
        return img;
    }

    @Test
    void identicalImagesGiveZeroDifference() {
        WritableImage a = flat(8, 8, 0xFF336699);
        DiffHeatmap.Result r = DiffHeatmap.compute(a, a, 8, 8, RAMP);
        assertThat(r.mean()).isZero();
        assertThat(r.image().getPixelReader().getArgb(3, 3)).isEqualTo(RAMP[0]);
    }

    @Test
    void differenceIsMeasuredInContentCoordinatesAcrossSizes() {
        // A is black at 4x4, B is white at 8x8: every content pixel differs fully.
        DiffHeatmap.Result r = DiffHeatmap.compute(flat(4, 4, 0xFF000000), flat(8, 8, 0xFFFFFFFF), 8, 8, RAMP);
        assertThat(r.image().getWidth()).isEqualTo(8.0);
        assertThat(r.mean()).isCloseTo(1.0, within(1e-9));
        assertThat(r.max()).isCloseTo(1.0, within(1e-9));
        assertThat(r.image().getPixelReader().getArgb(7, 7)).isEqualTo(RAMP[255]);
    }

    @Test
    void smallDifferencesAreStretchedBySquareRoot() {
        // One channel differs by 51 of 255: mean |d| over RGB = 51 / 765 = 1/15; shown at sqrt(1/15) of the palette.
        DiffHeatmap.Result r = DiffHeatmap.compute(flat(2, 2, 0xFF000000), flat(2, 2, 0xFF330000), 2, 2, RAMP);
        assertThat(r.mean()).isCloseTo(1 / 15.0, within(1e-9));
        assertThat(r.image().getPixelReader().getArgb(0, 0) & 255).isEqualTo((int) Math.round(Math.sqrt(1 / 15.0) * 255));
    }
}
