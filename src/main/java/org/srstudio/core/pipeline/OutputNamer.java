package org.srstudio.core.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.srstudio.core.job.OutputFormat;
import org.srstudio.core.job.OutputSettings;

/**
 * Turns output settings into the file a result is written to. A target that is an existing folder, or has no
 * image extension, is a folder and the name template applies; otherwise it is the file itself. An existing file
 * is never replaced: a counter is added instead.
 */
public final class OutputNamer {
    private OutputNamer() {
    }

    public static Path resolve(OutputSettings settings, Path input, String modelId, int scale, long seed) {
        Path target = settings.target();
        OutputFormat fileFormat = OutputFormat.fromFileName(target.getFileName().toString());
        if (fileFormat != null && !Files.isDirectory(target)) {
            return unique(target);
        }
        String name = settings.nameTemplate()
                .replace("{name}", stem(input.getFileName().toString()))
                .replace("{model}", modelId)
                .replace("{scale}", Integer.toString(scale))
                .replace("{seed}", Long.toString(seed))
                .replace("{ext}", settings.format().extension());
        if (OutputFormat.fromFileName(name) == null) {
            name = name + "." + settings.format().extension();
        }
        return unique(target.resolve(name));
    }

    /** The format a resolved output path asks for. */
    public static OutputFormat formatOf(Path file, OutputFormat fallback) {
        OutputFormat f = OutputFormat.fromFileName(file.getFileName().toString());
        return f == null ? fallback : f;
    }

    static Path unique(Path file) {
        if (!Files.exists(file)) {
            return file;
        }
        String fileName = file.getFileName().toString();
        String stem = stem(fileName);
        String ext = fileName.substring(stem.length()).toLowerCase(Locale.ROOT);
        for (int n = 2; ; n++) {
            Path candidate = file.resolveSibling(stem + "_" + n + ext);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
