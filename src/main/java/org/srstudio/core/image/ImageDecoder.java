package org.srstudio.core.image;

import java.nio.file.Path;
import org.srstudio.core.StudioException;

/**
 * Reads image files into {@link DecodedImage}: PNG, JPEG, BMP, GIF (first frame), TIFF and WebP; 8/16-bit, gray,
 * palette and alpha; EXIF orientation applied. The size is read from the header first and an image over the pixel
 * budget is refused before any pixel is decoded.
 */
public final class ImageDecoder {
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    private final long maxPixels;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageDecoder(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("The pixel budget must be positive");
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** Width and height from the file header, after EXIF orientation, without decoding pixels. */
    public ImageInfo probe(Path file) throws StudioException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public DecodedImage decode(Path file) throws StudioException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
