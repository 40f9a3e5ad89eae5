package org.srstudio.iqa;

/**
 * Receives each metric's result as soon as it is known, on a scoring thread (a UI hands it to its own thread).
 */
@FunctionalInterface
public interface ScoreListener {
    void onResult(MetricResult result);

    ScoreListener NONE = r -> {
    };
}
