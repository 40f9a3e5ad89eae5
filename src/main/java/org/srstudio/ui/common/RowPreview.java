package org.srstudio.ui.common;

import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadUpdateListener;

/**
 * Follows an ImageIO decode row by row and hands out point-sampled previews (longer side at most
 * {@code previewSide}) of what is decoded so far: the first as soon as a row is there, then a few per second, then
 * the complete one. Rows not decoded yet are transparent. This is how a large PNG, which has to be inflated from
 * the top whatever size is wanted, shows its first pixels within milliseconds instead of after the whole file.
 */
final class RowPreview implements IIOReadUpdateListener {
    private static final long INTERVAL_NANOS = 80_000_000L;

    private final int width;
    private final int step;
    private final int previewWidth;
    private final int previewHeight;
    private final int[] pixels;
    private final Consumer<Image> previews;
    private long lastPublished;
    private int rowsSampled;

    RowPreview(int width, int height, int previewSide, Consumer<Image> previews) {
        this.width = width;
        this.step = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) previewSide));
        this.previewWidth = (width + step - 1) / step;
        this.previewHeight = (height + step - 1) / step;
        this.pixels = new int[previewWidth * previewHeight];
        this.previews = previews;
    }

    @Override
    public void imageUpdate(ImageReader source, BufferedImage image, int minX, int minY, int w, int h, int periodX,
                            int periodY, int[] bands) {
        int lastRow = minY + (h - 1) * periodY;
        for (int py = (minY + step - 1) / step; py * step <= lastRow && py < previewHeight; py++) {
            int y = py * step;
            if ((y - minY) % periodY == 0) {
                sampleRow(image, py, y);
            }
        }
        long now = System.nanoTime();
        if (rowsSampled > 0 && (lastPublished == 0 || now - lastPublished >= INTERVAL_NANOS)) {
            lastPublished = now;
            publish();
        }
    }

    /** Samples every row of the decoded image and hands out the complete preview. */
    void finish(BufferedImage image) {
        for (int py = 0; py < previewHeight; py++) {
            sampleRow(image, py, py * step);
        }
        publish();
    }

    private void sampleRow(BufferedImage image, int py, int y) {
        int offset = py * previewWidth;
        int[] ints = FxPixels.packedInts(image);
        if (ints != null) {
            boolean opaque = !image.getColorModel().hasAlpha();
            int row = y * width;
            for (int px = 0; px < previewWidth; px++) {
                int argb = ints[row + px * step];
                pixels[offset + px] = opaque ? argb | 0xFF000000 : argb;
            }
        } else {
            for (int px = 0; px < previewWidth; px++) {
                pixels[offset + px] = image.getRGB(px * step, y);
            }
        }
        rowsSampled++;
    }

    private void publish() {
        WritableImage snapshot = new WritableImage(previewWidth, previewHeight);
        snapshot.getPixelWriter().setPixels(0, 0, previewWidth, previewHeight, PixelFormat.getIntArgbInstance(),
                pixels, 0, previewWidth);
        previews.accept(snapshot);
    }

    @Override
    public void passStarted(ImageReader source, BufferedImage image, int pass, int minPass, int maxPass, int minX,
                            int minY, int periodX, int periodY, int[] bands) {
    }

    @Override
    public void passComplete(ImageReader source, BufferedImage image) {
    }

    @Override
    public void thumbnailPassStarted(ImageReader source, BufferedImage thumbnail, int pass, int minPass, int maxPass,
                                     int minX, int minY, int periodX, int periodY, int[] bands) {
    }

    @Override
    public void thumbnailUpdate(ImageReader source, BufferedImage thumbnail, int minX, int minY, int w, int h,
                                int periodX, int periodY, int[] bands) {
    }

    @Override
    public void thumbnailPassComplete(ImageReader source, BufferedImage thumbnail) {
    }
}
