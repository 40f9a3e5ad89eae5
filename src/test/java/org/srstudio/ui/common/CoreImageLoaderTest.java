package org.srstudio.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.image.TestImages;
import org.testfx.api.FxToolkit;

/** The window shows what the pipeline decodes: 16-bit levels, EXIF rotation, TIFF. */
class CoreImageLoaderTest {
    @TempDir
    Path dir;

    private final CoreImageLoader loader = new CoreImageLoader(new ImageDecoder());

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void sixteenBitGrayShowsItsLevelsScaledToEightBits() throws Exception {
        BufferedImage image = TestImages.ushort(8, 4, false, false);
        image.getRaster().setSample(3, 2, 0, 0x8080);
        image.getRaster().setSample(4, 2, 0, 0xFFFF);
        Path file = TestImages.write(image, "png", dir.resolve("gray16.png"));

        Image shown = loader.load(file, 0);

        assertThat(shown.getPixelReader().getArgb(3, 2)).isEqualTo(0xFF808080);
        assertThat(shown.getPixelReader().getArgb(4, 2)).isEqualTo(0xFFFFFFFF);
        assertThat(shown.getPixelReader().getArgb(0, 0)).isEqualTo(0xFF000000);
    }

    @Test
    void exifRotatedJpegShowsUpright() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(TestImages.quadrants(), "jpeg", jpeg);
        Path file = Files.write(dir.resolve("rotated.jpg"), TestImages.withExifOrientation(jpeg.toByteArray(), 6));

        ImageFacts facts = loader.probe(file);
        Image shown = loader.load(file, 0);

        assertThat(facts.width()).isEqualTo(16);
        assertThat(facts.height()).isEqualTo(32);
        assertThat(shown.getWidth()).isEqualTo(16);
        assertThat(shown.getHeight()).isEqualTo(32);
        // Orientation 6 turns the image 90° clockwise: the bottom-left (blue) quadrant comes to the top left.
        int topLeft = shown.getPixelReader().getArgb(3, 3);
        assertThat(topLeft & 0xFF).isGreaterThan(200);
        assertThat(topLeft >> 16 & 0xFF).isLessThan(60);
    }

    @Test
    void tiffPreviewIsSubsampledToTheRequestedSide() throws Exception {
        Path file = TestImages.write(TestImages.quadrants(), "tiff", dir.resolve("quadrants.tif"));

        Image preview = loader.load(file, 8);

        assertThat(Math.max(preview.getWidth(), preview.getHeight())).isLessThanOrEqualTo(8);
        assertThat(preview.getPixelReader().getArgb(0, 0)).isEqualTo(0xFFFF0000);
        assertThat(loader.probe(file).format()).isEqualTo("tiff");
    }
}
