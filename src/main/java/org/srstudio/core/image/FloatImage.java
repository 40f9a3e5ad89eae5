package org.srstudio.core.image;

import java.util.Arrays;

/**
 * A planar float image: {@code channels} planes of {@code width × height} samples, nominal range [0, 1].
 * Plane c, row y, column x lives at {@code data[(c * height + y) * width + x]}, which is the CHW layout
 * the neural engines consume without a copy. Channels are 1 (gray) or 3 (RGB); alpha is kept apart.
 */
public final class FloatImage {
    private final int width;
    private final int height;
    private final int channels;
    private final float[] data;

    public FloatImage(int width, int height, int channels, float[] data) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Image size must be positive, got " + width + "x" + height);
        }
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("Channels must be 1 to 4, got " + channels);
        }
        if (data.length != (long) width * height * channels) {
            throw new IllegalArgumentException("Data length " + data.length + " does not match "
                    + width + "x" + height + "x" + channels);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.data = data;
    }

    public static FloatImage blank(int width, int height, int channels) {
        return new FloatImage(width, height, channels, new float[Math.multiplyExact(Math.multiplyExact(width, height), channels)]);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    public long pixels() {
        return (long) width * height;
    }

    /** The backing array, shared, not copied: callers that hand it on must not mutate it afterwards. */
    public float[] data() {
        return data;
    }

    public float get(int c, int x, int y) {
        return data[(c * height + y) * width + x];
    }

    public void set(int c, int x, int y, float v) {
        data[(c * height + y) * width + x] = v;
    }

    public int planeOffset(int c) {
        return c * width * height;
    }

    /** One channel as a new single-channel image. */
    public FloatImage plane(int c) {
        int n = width * height;
        return new FloatImage(width, height, 1, Arrays.copyOfRange(data, c * n, (c + 1) * n));
    }

    /** Copies a rectangle; the rectangle must lie inside the image. */
    public FloatImage crop(int x0, int y0, int w, int h) {
        if (x0 < 0 || y0 < 0 || x0 + w > width || y0 + h > height) {
            throw new IllegalArgumentException("Crop " + w + "x" + h + "+" + x0 + "+" + y0 + " outside " + width + "x" + height);
        }
        float[] out = new float[w * h * channels];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(data, (c * height + y0 + y) * width + x0, out, (c * h + y) * w, w);
            }
        }
        return new FloatImage(w, h, channels, out);
    }

    public FloatImage copy() {
        return new FloatImage(width, height, channels, data.clone());
    }

    /** Gray images become three identical planes; RGB images are returned as they are. */
    public FloatImage toRgb() {
        if (channels == 3) {
            return this;
        }
        if (channels != 1) {
            throw new IllegalStateException("Only gray images can be widened to RGB");
        }
        int n = width * height;
        float[] out = new float[3 * n];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(data, 0, out, c * n, n);
        }
        return new FloatImage(width, height, 3, out);
    }
}
