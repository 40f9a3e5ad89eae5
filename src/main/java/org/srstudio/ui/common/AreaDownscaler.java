package org.srstudio.ui.common;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.image.WritablePixelFormat;

/**
 * Shrinks an image by area averaging (a box filter with exact fractional coverage): each target pixel is the mean
 * of the source area it covers, so fine detail turns into the right grey instead of aliasing the way point sampling
 * or a bilinear scale of a much larger image does. Averages premultiplied ARGB, so transparent pixels add no colour.
 * Reads the source one row at a time, which keeps the memory of shrinking an 8K image to a few rows; meant for
 * background threads.
 */
public final class AreaDownscaler {
    private static final WritablePixelFormat<java.nio.IntBuffer> PRE = PixelFormat.getIntArgbPreInstance();

    private AreaDownscaler() {
    }

    /** {@code source} shrunk to {@code width × height}; neither may exceed the source's own size. */
    public static WritableImage downscale(Image source, int width, int height) {
        int sw = (int) source.getWidth();
        int sh = (int) source.getHeight();
        if (width < 1 || height < 1 || width > sw || height > sh) {
            throw new IllegalArgumentException("Cannot shrink " + sw + "x" + sh + " to " + width + "x" + height);
        }
        PixelReader reader = source.getPixelReader();
        // Coordinates are scaled so that every boundary is an integer: a source column spans `width` units and a
        // target column spans `sw` units (rows likewise), so coverage weights are exact integers.
        int[] row = new int[sw];
        long[][] rowSums = new long[4][width];
        double[][] sums = new double[4][width];
        int[] out = new int[width * height];
        int ty = 0;
        long targetRowEnd = sh;
        for (int y = 0; y < sh && ty < height; y++) {
            reader.getPixels(0, y, sw, 1, PRE, row, 0, sw);
            sumRow(row, width, rowSums);
            long from = (long) y * height;
            long to = from + height;
            while (from < to && ty < height) {
                long end = Math.min(to, targetRowEnd);
                long weight = end - from;
                for (int c = 0; c < 4; c++) {
                    long[] rs = rowSums[c];
                    double[] s = sums[c];
                    for (int x = 0; x < width; x++) {
                        s[x] += rs[x] * (double) weight;
                    }
                }
                from = end;
                if (end == targetRowEnd) {
                    emitRow(sums, out, ty * width, (double) sw * sh);
                    ty++;
                    targetRowEnd += sh;
                }
            }
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PRE, out, 0, width);
        return image;
    }

    /** One source row summed into target columns, each source pixel weighted by how much of a column it covers. */
    private static void sumRow(int[] row, int width, long[][] rowSums) {
        for (long[] c : rowSums) {
            java.util.Arrays.fill(c, 0);
        }
        int sw = row.length;
        int tx = 0;
        long columnEnd = sw;
        for (int x = 0; x < sw; x++) {
            int p = row[x];
            long start = (long) x * width;
            long end = start + width;
            long first = Math.min(end, columnEnd) - start;
            add(rowSums, tx, p, first);
            if (end >= columnEnd) {
                tx++;
                columnEnd += sw;
                if (end > start + first && tx < width) {
                    add(rowSums, tx, p, end - start - first);
                }
            }
        }
    }

    private static void add(long[][] sums, int tx, int argb, long weight) {
        sums[0][tx] += (argb >>> 24) * weight;
        sums[1][tx] += ((argb >> 16) & 0xFF) * weight;
        sums[2][tx] += ((argb >> 8) & 0xFF) * weight;
        sums[3][tx] += (argb & 0xFF) * weight;
    }

    private static void emitRow(double[][] sums, int[] out, int offset, double area) {
        int width = sums[0].length;
        for (int x = 0; x < width; x++) {
            int a = (int) Math.round(sums[0][x] / area);
            int r = (int) Math.round(sums[1][x] / area);
            int g = (int) Math.round(sums[2][x] / area);
            int b = (int) Math.round(sums[3][x] / area);
            out[offset + x] = a << 24 | r << 16 | g << 8 | b;
        }
        for (double[] c : sums) {
            java.util.Arrays.fill(c, 0);
        }
    }
}
