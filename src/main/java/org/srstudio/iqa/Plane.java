package org.srstudio.iqa;

import java.util.Objects;

/**
 * One channel of samples as doubles, row-major ({@code data[y * width + x]}). The metrics work in double
 * precision on planes whose value range is stated by whoever built them (0..255 for luma, as pyiqa and MATLAB).
 */
public record Plane(int width, int height, double[] data) {
    public Plane {
        Objects.requireNonNull(data, "data");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Plane size must be positive, got " + width + "x" + height);
        }
        if (data.length != (long) width * height) {
            throw new IllegalArgumentException("Plane data length " + data.length + " does not match " + width + "x" + height);
        }
    }

    public static Plane blank(int width, int height) {
        return new Plane(width, height, new double[Math.multiplyExact(width, height)]);
    }

    public double get(int x, int y) {
        return data[y * width + x];
    }

    /** Copies a rectangle that must lie inside the plane. */
    public Plane crop(int x0, int y0, int w, int h) {
        if (x0 < 0 || y0 < 0 || w <= 0 || h <= 0 || x0 + w > width || y0 + h > height) {
            throw new IllegalArgumentException("Crop " + w + "x" + h + "+" + x0 + "+" + y0 + " outside " + width + "x" + height);
        }
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(data, (y0 + y) * width + x0, out, y * w, w);
        }
        return new Plane(w, h, out);
    }

    /** Removes {@code border} samples on every side (the SR papers' "shave"). */
    public Plane shave(int border) {
        if (border == 0) {
            return this;
        }
        return crop(border, border, width - 2 * border, height - 2 * border);
    }
}
