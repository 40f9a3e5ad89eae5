package org.srstudio.core.model;

import java.util.Objects;

/** A file a model needs, relative to its folder, with the sha256 it must have (empty: not checked). */
public record ModelFile(String path, String sha256) {
    public ModelFile {
        Objects.requireNonNull(path, "path");
        if (path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("Model file paths must stay inside the model folder: " + path);
        }
        sha256 = sha256 == null ? "" : sha256;
    }
}
