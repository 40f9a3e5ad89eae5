package org.srstudio.ui.scores;

import java.util.Objects;

/**
 * One score column.
 *
 * @param needsReference a full-reference metric (PSNR, SSIM, LPIPS) that is only computed when a ground truth exists
 */
public record MetricInfo(String key, String label, boolean higherIsBetter, boolean needsReference, int decimals) {
    public MetricInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("Decimals must be between 0 and 6, got " + decimals);
        }
    }
}
