package org.srstudio.ui.scores;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to score: a variant's image, the input it came from, and the ground truth when the user supplied one.
 */
public record ScoreTarget(String variantKey, Path image, Path input, Optional<Path> reference) {
    public ScoreTarget {
        Objects.requireNonNull(variantKey, "variantKey");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(input, "input");
        reference = reference == null ? Optional.empty() : reference;
    }
}
