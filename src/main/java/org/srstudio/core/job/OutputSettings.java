package org.srstudio.core.job;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a result goes besides the result store.
 *
 * @param target       a folder, a file, or {@code null} to keep the result only in the store
 * @param nameTemplate file name template with {name}, {model}, {scale}, {seed}, {ext}; used when target is a folder
 * @param format       the file format when the target is a folder (a file target's extension wins)
 */
public record OutputSettings(Path target, String nameTemplate, OutputFormat format) {
    public static final String DEFAULT_TEMPLATE = "{name}_{model}_x{scale}.{ext}";
    public static final OutputSettings STORE_ONLY = new OutputSettings(null, DEFAULT_TEMPLATE, OutputFormat.PNG);

    public OutputSettings {
        Objects.requireNonNull(nameTemplate, "nameTemplate");
        Objects.requireNonNull(format, "format");
        if (!nameTemplate.contains("{name}")) {
            throw new IllegalArgumentException("The output name template must contain {name} so that inputs do not collide.");
        }
        if (nameTemplate.contains("/") || nameTemplate.contains("\\")) {
            throw new IllegalArgumentException("The output name template must be a file name, not a path.");
        }
    }

    public static OutputSettings toFolder(Path folder) {
        return new OutputSettings(folder, DEFAULT_TEMPLATE, OutputFormat.PNG);
    }
}
