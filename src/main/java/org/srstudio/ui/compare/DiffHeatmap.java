package org.srstudio.ui.compare;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/**
 * The |A − B| heat map of two variants in content coordinates (each sampled nearest-neighbour, so images of
 * different sizes line up). The mean absolute RGB difference is square-rooted before colouring, because the
 * differences between good models are small and would all look black on a linear scale. The map is capped at
 * {@link #MAX_SIDE} pixels on its longer side to bound memory; beyond that each map pixel stands for a block.
 */
public final class DiffHeatmap {
    public static final int MAX_SIDE = 4096;

    private DiffHeatmap() {
    }

    /**
     * @param palette 256 ARGB colours from "no difference" to "maximal difference"
     */
    public static Result compute(Image a, Image b, int contentWidth, int contentHeight, int[] palette) {
        if (palette.length != 256) {
            throw new IllegalArgumentException("The palette must have 256 entries, got " + palette.length);
        }
        double shrink = Math.min(1.0, MAX_SIDE / (double) Math.max(contentWidth, contentHeight));
        int w = Math.max(1, (int) Math.round(contentWidth * shrink));
        int h = Math.max(1, (int) Math.round(contentHeight * shrink));
        int aw = (int) a.getWidth();
        int ah = (int) a.getHeight();
        int bw = (int) b.getWidth();
        int bh = (int) b.getHeight();
        int[] ax = columns(w, aw);
        int[] bx = columns(w, bw);
        int[] rowA = new int[aw];
        int[] rowB = new int[bw];
        int[] out = new int[w];
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        javafx.scene.image.WritablePixelFormat<java.nio.IntBuffer> argb = PixelFormat.getIntArgbInstance();
        WritableImage heat = new WritableImage(w, h);
        double sum = 0;
        double max = 0;
        for (int y = 0; y < h; y++) {
            ra.getPixels(0, Math.min(ah - 1, (int) ((y + 0.5) * ah / h)), aw, 1, argb, rowA, 0, aw);
            rb.getPixels(0, Math.min(bh - 1, (int) ((y + 0.5) * bh / h)), bw, 1, argb, rowB, 0, bw);
            for (int x = 0; x < w; x++) {
                int pa = rowA[ax[x]];
                int pb = rowB[bx[x]];
                int d = Math.abs(((pa >> 16) & 255) - ((pb >> 16) & 255))
                        + Math.abs(((pa >> 8) & 255) - ((pb >> 8) & 255))
                        + Math.abs((pa & 255) - (pb & 255));
                double diff = d / (3.0 * 255.0);
                sum += diff;
                max = Math.max(max, diff);
                out[x] = palette[(int) Math.round(Math.sqrt(diff) * 255)];
            }
            heat.getPixelWriter().setPixels(0, y, w, 1, argb, out, 0, w);
        }
        return new Result(heat, sum / ((double) w * h), max);
    }

    private static int[] columns(int outWidth, int srcWidth) {
        int[] cols = new int[outWidth];
        for (int x = 0; x < outWidth; x++) {
            cols[x] = Math.min(srcWidth - 1, (int) ((x + 0.5) * srcWidth / outWidth));
        }
        return cols;
    }

    /** The map, and the mean and maximum difference in [0, 1] over it. */
    public record Result(Image image, double mean, double max) {
    }
}
