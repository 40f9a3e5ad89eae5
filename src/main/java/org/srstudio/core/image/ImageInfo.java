package org.srstudio.core.image;

/** What an image file's header says: oriented size, format name and bit depth. */
public record ImageInfo(int width, int height, String format, int bitDepth, boolean hasAlpha) {
    public long pixels() {
        return (long) width * height;
    }
}
