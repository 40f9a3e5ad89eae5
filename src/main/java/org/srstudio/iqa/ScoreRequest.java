package org.srstudio.iqa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.srstudio.core.image.FloatImage;

/**
 * What to score: an image (a variant), optionally its ground truth for PSNR/SSIM, the metrics in display order
 * and how full-reference metrics compare.
 */
public record ScoreRequest(FloatImage image, Optional<FloatImage> reference, List<Metric> metrics, FrOptions options) {
    public ScoreRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(options, "options");
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("At least one metric is required");
        }
        if (metrics.stream().distinct().count() != metrics.size()) {
            throw new IllegalArgumentException("Metrics must not repeat: " + metrics);
        }
    }

    public static ScoreRequest of(FloatImage image, List<Metric> metrics) {
        return new ScoreRequest(image, Optional.empty(), metrics, FrOptions.defaults());
    }
}
