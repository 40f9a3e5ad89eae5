package org.srstudio.ui.scores;

import java.util.List;
import org.srstudio.core.StudioException;

/**
 * What the scores table needs from image-quality assessment. The composition root adapts the IQA scoring service
 * to this; tests and the screenshot tool pass small fakes. {@link #score} runs on a background thread and reports
 * each metric as soon as it is known, so the table fills in column by column.
 */
public interface VariantScorer {
    List<MetricInfo> metrics();

    /**
     * Scores one image, calling {@code sink} once per metric it could compute. A metric that cannot be computed
     * for this target (e.g. a full-reference one without a ground truth) is simply not reported.
     *
     * @throws StudioException when the image cannot be scored at all; the message is shown in the row
     */
    void score(ScoreTarget target, ScoreSink sink) throws StudioException;

    @FunctionalInterface
    interface ScoreSink {
        void accept(String metricKey, double value);
    }

    /** No metrics: the table lists the variants with their size and run time only. */
    VariantScorer NONE = new VariantScorer() {
        @Override
        public List<MetricInfo> metrics() {
            return List.of();
        }

        @Override
        public void score(ScoreTarget target, ScoreSink sink) {
        }
    };
}
