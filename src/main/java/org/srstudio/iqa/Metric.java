package org.srstudio.iqa;

import java.util.Locale;
import java.util.Optional;

/** The classical image-quality metrics the studio computes itself. */
public enum Metric {
    NIQE("NIQE", false, true),
    BRISQUE("BRISQUE", false, true),
    PIQE("PIQE", false, true),
    PSNR("PSNR", true, false),
    SSIM("SSIM", true, false);

    private final String label;
    private final boolean needsReference;
    private final boolean lowerIsBetter;

    Metric(String label, boolean needsReference, boolean lowerIsBetter) {
        this.label = label;
        this.needsReference = needsReference;
        this.lowerIsBetter = lowerIsBetter;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Full-reference metrics compare against a ground-truth image. */
    public boolean needsReference() {
        return needsReference;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    public static Optional<Metric> byId(String id) {
        for (Metric m : values()) {
            if (m.id().equalsIgnoreCase(id.strip())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
