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
     * Scores one image, or the target's region of it, calling {@code sink} once per metric it could compute and
     * saying why for a metric it could not (e.g. a region too small for it). A metric that does not apply to the
     * target (a full-reference one without a ground truth) is simply not reported.
     *
     * @throws StudioException when the image cannot be scored at all; the message is shown in the row
     */
    void score(ScoreTarget target, ScoreSink sink) throws StudioException;

    /** Where a scorer reports, from its own thread. */
    interface ScoreSink {
        void accept(String metricKey, double value);

        /** No score for this metric, and the one sentence that says why. */
        void reject(String metricKey, String sentence);

        /** True once nobody wants these scores any more (the view moved on); a scorer may stop early. */
        boolean cancelled();
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
