package org.srstudio.iqa;

/** A rectangle of an image in pixels, e.g. the part of a variant visible in the compare view. */
public record Region(int x, int y, int width, int height) {
    public Region {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A region needs a non-negative origin and a positive size, got "
                    + width + "x" + height + "+" + x + "+" + y);
        }
    }

    /** This region clipped to a {@code w × h} image, or empty if they do not overlap. */
    public java.util.Optional<Region> clipTo(int w, int h) {
        int x1 = Math.min(w, x + width);
        int y1 = Math.min(h, y + height);
        if (x >= w || y >= h || x1 <= x || y1 <= y) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Region(x, y, x1 - x, y1 - y));
    }
}
