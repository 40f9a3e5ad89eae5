package org.srstudio.iqa;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One metric's outcome for one image: a score, or the sentence that says why there is none (parameters
 * missing, image too small, no reference). Scores are finite except PSNR of identical images (+∞).
 *
 * @param parameters which parameter set produced the score (empty for parameter-free metrics)
 */
public record MetricResult(Metric metric, Status status, double value, String message, String parameters,
                           long nanos) {
    /** Whether a score came out. */
    public enum Status {
        OK, UNAVAILABLE, FAILED
    }

    public MetricResult {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(parameters, "parameters");
        if (status == Status.OK && Double.isNaN(value)) {
            throw new IllegalArgumentException(metric.label() + " produced NaN");
        }
        if (status != Status.OK && message.isBlank()) {
            throw new IllegalArgumentException("A missing " + metric.label() + " score needs a sentence");
        }
    }

    public static MetricResult ok(Metric metric, double value, String parameters, long nanos) {
        return new MetricResult(metric, Status.OK, value, "", parameters, nanos);
    }

    public static MetricResult unavailable(Metric metric, String sentence) {
        return new MetricResult(metric, Status.UNAVAILABLE, Double.NaN, sentence, "", 0);
    }

    public static MetricResult failed(Metric metric, String sentence, long nanos) {
        return new MetricResult(metric, Status.FAILED, Double.NaN, sentence, "", nanos);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public OptionalDouble score() {
        return ok() ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
