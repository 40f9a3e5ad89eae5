package org.srstudio.ui.scores;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.srstudio.ui.compare.PixelRegion;

/**
 * What to score: a variant's image, the input it came from, the ground truth when the user supplied one, and
 * the part of the image to score (in the image's own pixels; empty for all of it).
 */
public record ScoreTarget(String variantKey, Path image, Path input, Optional<Path> reference,
                          Optional<PixelRegion> region) {
    public ScoreTarget {
        Objects.requireNonNull(variantKey, "variantKey");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(input, "input");
        reference = reference == null ? Optional.empty() : reference;
        region = region == null ? Optional.empty() : region;
    }

    /** The whole image. */
    public ScoreTarget(String variantKey, Path image, Path input, Optional<Path> reference) {
        this(variantKey, image, input, reference, Optional.empty());
    }

    public ScoreTarget within(PixelRegion r) {
        return new ScoreTarget(variantKey, image, input, reference, Optional.of(r));
    }
}
