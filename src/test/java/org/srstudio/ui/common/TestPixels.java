package org.srstudio.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Test pictures and the reference box average the downscaling tests compare against. */
public final class TestPixels {
    private TestPixels() {
    }

    public static WritableImage noise(int w, int h, long seed) {
        Random random = new Random(seed);
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | random.nextInt(0x1000000);
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }

    /** The mean of each channel over the block of source pixels [x0, x0 + n) × [y0, y0 + n), rounded. */
    public static int blockMean(Image source, int x0, int y0, int n) {
        int[] sums = new int[3];
        for (int y = y0; y < y0 + n; y++) {
            for (int x = x0; x < x0 + n; x++) {
                int p = source.getPixelReader().getArgb(x, y);
                sums[0] += p >> 16 & 0xFF;
                sums[1] += p >> 8 & 0xFF;
                sums[2] += p & 0xFF;
            }
        }
        double area = n * n;
        return 0xFF000000 | (int) Math.round(sums[0] / area) << 16 | (int) Math.round(sums[1] / area) << 8
                | (int) Math.round(sums[2] / area);
    }

    /** Asserts that every pixel of {@code shown} is the mean of its {@code n × n} block of {@code source}. */
    public static void assertBlockMeans(Image shown, Image source, int n) {
        for (int y = 0; y < (int) shown.getHeight(); y++) {
            for (int x = 0; x < (int) shown.getWidth(); x++) {
                assertThat(shown.getPixelReader().getArgb(x, y)).as("pixel %d,%d", x, y)
                        .isEqualTo(blockMean(source, x * n, y * n, n));
            }
        }
    }
}
