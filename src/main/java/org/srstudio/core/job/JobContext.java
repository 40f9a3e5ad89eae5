package org.srstudio.core.job;

import org.srstudio.core.image.FloatImage;

/**
 * What a running model sees of its job: a way to report progress and previews, and the cancellation check it
 * must call between tiles and between sampler steps.
 */
public interface JobContext {
    /** Throws {@link JobCancelledException} when the job was cancelled; called between tiles and steps. */
    void checkCancelled() throws JobCancelledException;

    /** Reports position within the job; any of step/tile may be 0 of 0 when the model has no such loop. */
    void progress(int step, int steps, int tile, int tiles);

    /** Offers an intermediate image; implementations may drop it when nobody looks. */
    default void preview(FloatImage image) {
    }

    /** Records a fact for the result's provenance, e.g. "device" → "cpu (2 threads)". */
    default void note(String key, String value) {
    }

    /** A context for direct calls (tests, tools) that is never cancelled and reports nowhere. */
    JobContext NONE = new JobContext() {
        @Override
        public void checkCancelled() {
        }

        @Override
        public void progress(int step, int steps, int tile, int tiles) {
        }
    };
}
