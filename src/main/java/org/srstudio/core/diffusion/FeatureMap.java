package org.srstudio.core.diffusion;

/**
 * One image's C×H×W activation (batch 1), planar float32, as it sits between network blocks that the runtime
 * tiles itself. Windows are cut and pasted with edge clipping, so tile loops need no special last tile.
 */
public record FeatureMap(int channels, int height, int width, float[] data) {
    public FeatureMap {
        if ((long) channels * height * width != data.length) {
            throw new IllegalArgumentException("A " + channels + "x" + height + "x" + width + " feature map needs "
                    + (long) channels * height * width + " values, got " + data.length + ".");
        }
    }

    public static FeatureMap zeros(int channels, int height, int width) {
        long n = (long) channels * height * width;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("A " + channels + "x" + height + "x" + width + " feature map is too large for one array.");
        }
        return new FeatureMap(channels, height, width, new float[(int) n]);
    }

    /** The window of h rows and w columns at (x0, y0), all channels; it must lie inside the map. */
    public FeatureMap window(int x0, int y0, int w, int h) {
        if (x0 < 0 || y0 < 0 || x0 + w > width || y0 + h > height) {
            throw new IllegalArgumentException("Window " + w + "x" + h + " at " + x0 + "," + y0 + " leaves the " + width + "x" + height + " map.");
        }
        float[] out = new float[channels * w * h];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(data, (c * height + y0 + y) * width + x0, out, (c * h + y) * w, w);
            }
        }
        return new FeatureMap(channels, h, w, out);
    }

    /** Copies the w×h window at (sx, sy) of {@code src} to (x0, y0) here; channel counts must match. */
    public void paste(FeatureMap src, int sx, int sy, int w, int h, int x0, int y0) {
        if (src.channels != channels) {
            throw new IllegalArgumentException("Cannot paste " + src.channels + " channels into a map of " + channels + ".");
        }
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(src.data, (c * src.height + sy + y) * src.width + sx, data, (c * height + y0 + y) * width + x0, w);
            }
        }
    }
}
