package org.srstudio.core.job;

import java.time.Duration;
import java.util.Optional;
import org.srstudio.core.image.FloatImage;

/** Everything a job tells its listeners, in the order it happens. Every event names its job. */
public sealed interface JobEvent {
    long jobId();

    record Queued(long jobId, UpscaleRequest request) implements JobEvent {
    }

    record Started(long jobId, String device) implements JobEvent {
    }

    /**
     * @param fraction overall completion in [0, 1]
     * @param eta      remaining time estimated from the elapsed time and the fraction, empty until it can be known
     */
    record Progress(long jobId, int step, int steps, int tile, int tiles, double fraction, Optional<Duration> eta)
            implements JobEvent {
    }

    record Preview(long jobId, FloatImage image) implements JobEvent {
    }

    record Finished(long jobId, JobResult result) implements JobEvent {
    }

    /** @param message one sentence for the user */
    record Failed(long jobId, String message) implements JobEvent {
    }

    record Cancelled(long jobId) implements JobEvent {
    }
}
