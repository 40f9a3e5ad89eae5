package org.srstudio.core.job;

import org.srstudio.core.StudioException;

/** Does the work of one request on the executor's thread: decode, run the model, write, store. */
@FunctionalInterface
public interface JobRunner {
    JobResult run(UpscaleRequest request, JobContext context) throws StudioException, JobCancelledException;
}
