package org.srstudio.core.job;

import java.nio.file.Path;
import java.util.Objects;

/** One upscale job as submitted: immutable, checked on construction. */
public record UpscaleRequest(Path input, String modelId, int scale, ModelParameters parameters, OutputSettings output) {
    public UpscaleRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(output, "output");
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("A model id is required.");
        }
        if (scale < 1 || scale > 16) {
            throw new IllegalArgumentException("Scale must be between 1 and 16, got " + scale + ".");
        }
    }
}
