package org.srstudio.core.job;

/** Accepts upscale jobs and runs them in submission order, telling listeners what happens. */
public interface JobExecutor extends AutoCloseable {
    JobHandle submit(UpscaleRequest request);

    void addListener(JobListener listener);

    void removeListener(JobListener listener);

    /** The device this executor's jobs run on, e.g. "cpu" or "cuda:0". */
    String device();

    /** Cancels queued and running jobs and waits for the worker to stop. */
    @Override
    void close();
}
