package org.srstudio.core.pipeline;

import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;

/** Narrowed views of a job context. */
final class JobContextViews {
    private JobContextViews() {
    }

    /** Keeps cancellation but hides progress, for secondary passes (alpha) that would make the bar jump back. */
    static JobContext cancelOnly(JobContext context) {
        return new JobContext() {
            @Override
            public void checkCancelled() throws JobCancelledException {
                context.checkCancelled();
            }

            @Override
            public void progress(int step, int steps, int tile, int tiles) {
            }
        };
    }
}
