package org.srstudio.ui.compare;

/** A rectangle in one variant's own pixels, e.g. the part of it on screen. */
public record PixelRegion(int x, int y, int width, int height) {
    public PixelRegion {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A pixel region needs a non-negative origin and a positive size, got "
                    + width + "x" + height + "+" + x + "+" + y);
        }
    }
}
