package org.srstudio.iqa;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A running scoring request: one future per metric (in request order) and one for all of them. Cancelling
 * stops metrics that have not started; a metric already computing finishes but its result is dropped.
 */
public record ScoreJob(Map<Metric, CompletableFuture<MetricResult>> perMetric, CompletableFuture<List<MetricResult>> all) {
    public ScoreJob {
        perMetric = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perMetric));
    }

    public void cancel() {
        perMetric.values().forEach(f -> f.cancel(false));
        all.cancel(false);
    }
}
