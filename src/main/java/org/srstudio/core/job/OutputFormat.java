package org.srstudio.core.job;

import java.util.Locale;

/** Output file formats; WebP is decode-only in the image libraries we ship, so it is not offered here. */
public enum OutputFormat {
    PNG("png"), JPEG("jpg"), TIFF("tif");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format a file name asks for, or {@code null} when its extension names none of ours. */
    public static OutputFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return PNG;
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return JPEG;
        }
        if (lower.endsWith(".tif") || lower.endsWith(".tiff")) {
            return TIFF;
        }
        return null;
    }
}
