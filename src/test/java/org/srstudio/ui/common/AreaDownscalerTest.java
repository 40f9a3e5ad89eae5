package org.srstudio.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class AreaDownscalerTest {
    @Start
    void start(Stage stage) {
        // Images need the toolkit; no window is shown.
    }

    @Test
    void shrinkingTenfoldGivesTheMeanOfEachTenByTenBlock() {
        WritableImage source = TestPixels.noise(100, 70, 1);

        Image shrunk = AreaDownscaler.downscale(source, 10, 7);

        assertThat(shrunk.getWidth()).isEqualTo(10);
        assertThat(shrunk.getHeight()).isEqualTo(7);
        TestPixels.assertBlockMeans(shrunk, source, 10);
    }

    @Test
    void aPixelSplitBetweenTwoTargetsCountsInEachByTheShareItCovers() {
        // Three grey levels shrunk to two pixels: each target covers 1.5 sources, the middle one half in each.
        WritableImage source = new WritableImage(3, 1);
        source.getPixelWriter().setPixels(0, 0, 3, 1, PixelFormat.getIntArgbInstance(),
                new int[] {0xFF000000, 0xFF303030, 0xFF909090}, 0, 3);

        Image shrunk = AreaDownscaler.downscale(source, 2, 1);

        assertThat(shrunk.getPixelReader().getArgb(0, 0) & 0xFF).isEqualTo((int) Math.round((0 + 0.5 * 0x30) / 1.5));
        assertThat(shrunk.getPixelReader().getArgb(1, 0) & 0xFF).isEqualTo((int) Math.round((0.5 * 0x30 + 0x90) / 1.5));
    }

    @Test
    void transparentPixelsAddNoColour() {
        WritableImage source = new WritableImage(2, 1);
        source.getPixelWriter().setPixels(0, 0, 2, 1, PixelFormat.getIntArgbInstance(),
                new int[] {0x00FF0000, 0xFF0000FF}, 0, 2);

        int shrunk = AreaDownscaler.downscale(source, 1, 1).getPixelReader().getArgb(0, 0);

        assertThat(shrunk >>> 24).isBetween(127, 128);
        assertThat(shrunk >> 16 & 0xFF).isZero();
        assertThat(shrunk & 0xFF).isEqualTo(255);
    }
}
