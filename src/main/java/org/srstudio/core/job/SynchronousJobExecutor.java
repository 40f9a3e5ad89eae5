package org.srstudio.core.job;

import java.util.function.LongSupplier;

/** Runs each job inside {@link #submit} on the caller's thread: for tests and for the CLI's sequential batches. */
public final class SynchronousJobExecutor extends LifecycleExecutor {

    public SynchronousJobExecutor(String device, JobRunner runner) {
        this(device, runner, System::nanoTime);
    }

    public SynchronousJobExecutor(String device, JobRunner runner, LongSupplier nanoClock) {
        super(new JobLifecycle(runner, device, nanoClock));
    }

    @Override
    public JobHandle submit(UpscaleRequest request) {
        JobHandle handle = lifecycle.enqueue(request);
        lifecycle.run(handle);
        return handle;
    }

    @Override
    public void close() {
    }
}
