package org.srstudio.core.image;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An input image after decoding and EXIF orientation: its colour planes (gray or RGB), its alpha plane if it had
 * one, and what the file was, so that an output can keep the input's bit depth and a UI can say what was read.
 */
public record DecodedImage(FloatImage color, Optional<FloatImage> alpha, int bitDepth, String format,
                           Map<String, String> metadata) {
    public DecodedImage {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(format, "format");
        metadata = Map.copyOf(metadata);
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("Bit depth must be 8 or 16, got " + bitDepth);
        }
        if (color.channels() != 1 && color.channels() != 3) {
            throw new IllegalArgumentException("Colour planes must be gray or RGB, got " + color.channels());
        }
        alpha.ifPresent(a -> {
            if (a.channels() != 1 || a.width() != color.width() || a.height() != color.height()) {
                throw new IllegalArgumentException("Alpha plane must be one channel of the colour size");
            }
        });
    }

    public static DecodedImage of(FloatImage color) {
        return new DecodedImage(color, Optional.empty(), 8, "raw", Map.of());
    }

    public int width() {
        return color.width();
    }

    public int height() {
        return color.height();
    }
}
