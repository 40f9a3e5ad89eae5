package org.srstudio.core.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A model as the registry lists it.
 *
 * @param folder where its files live; empty for built-in models
 * @param note   for a model that cannot run, one line on how to install it or why it is unsupported
 */
public record ModelEntry(ModelManifest manifest, Optional<Path> folder, ModelStatus status, String note) {
    public ModelEntry {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(status, "status");
        note = note == null ? "" : note;
    }

    public String id() {
        return manifest.id();
    }

    public boolean isRunnable() {
        return status == ModelStatus.INSTALLED;
    }
}
