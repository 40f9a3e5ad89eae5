package org.srstudio.iqa;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An image-quality metric: one of the classical ones the studio computes itself, or a learned one that a
 * {@link LearnedScorer} computes. A metric is identified by its id, which is also its name on the command line.
 */
public record Metric(String id, String label, boolean needsReference, boolean lowerIsBetter) {
    public static final Metric NIQE = new Metric("niqe", "NIQE", false, true);
    public static final Metric BRISQUE = new Metric("brisque", "BRISQUE", false, true);
    public static final Metric PIQE = new Metric("piqe", "PIQE", false, true);
    public static final Metric PSNR = new Metric("psnr", "PSNR", true, false);
    public static final Metric SSIM = new Metric("ssim", "SSIM", true, false);

    private static final List<Metric> CLASSICAL = List.of(NIQE, BRISQUE, PIQE, PSNR, SSIM);

    public Metric {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._+-]*")) {
            throw new IllegalArgumentException("A metric id is lower-case letters, digits and . _ + -, got \"" + id + "\"");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("The metric " + id + " needs a label");
        }
    }

    /** A no-reference metric computed by a model, named as its exporter named it. */
    public static Metric learned(String name, boolean lowerIsBetter) {
        String n = name == null ? "" : name.strip();
        return new Metric(n.toLowerCase(Locale.ROOT), n, false, lowerIsBetter);
    }

    /** The metrics the studio computes itself, in display order. */
    public static List<Metric> classical() {
        return CLASSICAL;
    }

    public boolean isClassical() {
        return CLASSICAL.contains(this);
    }

    /** A classical metric by id; learned ones are known to the {@link MetricScorer} that has them. */
    public static Optional<Metric> byId(String id) {
        return CLASSICAL.stream().filter(m -> m.id().equalsIgnoreCase(id.strip())).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
