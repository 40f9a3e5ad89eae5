package org.srstudio.core.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EXIF orientation tag (1 to 8) and the transform that turns stored pixels into displayed pixels, with the
 * same meaning as PIL's {@code ImageOps.exif_transpose}: 2 mirror, 3 rotate 180, 4 flip, 5 transpose,
 * 6 rotate 90° clockwise, 7 transverse, 8 rotate 90° counter-clockwise.
 */
public final class ExifOrientation {
    public static final int NORMAL = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ExifOrientation.class);

    private ExifOrientation() {
    }

    /** The file's orientation, or 1 when it has none or its metadata cannot be parsed (pixels still decode). */
    public static int read(Path file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            for (ExifIFD0Directory dir : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    int value = dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                    return value >= 1 && value <= 8 ? value : NORMAL;
                }
            }
        } catch (Exception | StackOverflowError e) {
            // Metadata is optional: a file whose EXIF block is damaged still has pixels worth showing.
            LOG.debug("No usable EXIF orientation in {}: {}", file, e.toString());
        }
        return NORMAL;
    }

    /** Whether the orientation swaps width and height. */
    public static boolean swapsAxes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The displayed image for stored pixels with this orientation; returns the input itself for 1. */
    public static FloatImage apply(FloatImage in, int orientation) {
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation must be 1 to 8, got " + orientation);
        }
        if (orientation == NORMAL) {
            return in;
        }
        int sw = in.width();
        int sh = in.height();
        boolean swap = swapsAxes(orientation);
        int dw = swap ? sh : sw;
        int dh = swap ? sw : sh;
        float[] src = in.data();
        float[] dst = new float[src.length];
        for (int c = 0; c < in.channels(); c++) {
            int sp = c * sw * sh;
            int dp = c * dw * dh;
            for (int y = 0; y < dh; y++) {
                for (int x = 0; x < dw; x++) {
                    int sx;
                    int sy;
                    switch (orientation) {
                        case 2 -> { sx = sw - 1 - x; sy = y; }
                        case 3 -> { sx = sw - 1 - x; sy = sh - 1 - y; }
                        case 4 -> { sx = x; sy = sh - 1 - y; }
                        case 5 -> { sx = y; sy = x; }
                        case 6 -> { sx = y; sy = sh - 1 - x; }
                        case 7 -> { sx = sw - 1 - y; sy = sh - 1 - x; }
                        default -> { sx = sw - 1 - y; sy = x; }
                    }
                    dst[dp + y * dw + x] = src[sp + sy * sw + sx];
                }
            }
        }
        return new FloatImage(dw, dh, in.channels(), dst);
    }
}
