package org.srstudio.ui.common;

/** What the list shows about an image file before any pixel is decoded. */
public record ImageFacts(int width, int height, String format, long fileBytes) {
    public ImageFacts {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Image size must be positive, got " + width + "x" + height);
        }
    }

    public long pixels() {
        return (long) width * height;
    }
}
