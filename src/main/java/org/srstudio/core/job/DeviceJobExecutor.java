package org.srstudio.core.job;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The executor for one device: a single worker thread and a FIFO queue, because one model on one device at a
 * time is both the fastest and the only memory-safe schedule for large models. Closing it cancels what is
 * queued or running, waits for the worker, then closes the runner if it holds resources.
 */
public final class DeviceJobExecutor extends LifecycleExecutor {
    private final JobRunner runner;
    private final ExecutorService worker;
    private final java.util.Set<JobHandle> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public DeviceJobExecutor(String device, JobRunner runner) {
        super(new JobLifecycle(runner, device, System::nanoTime));
        this.runner = runner;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "srstudio-" + device + "-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public JobHandle submit(UpscaleRequest request) {
        JobHandle handle = lifecycle.enqueue(request);
        live.add(handle);
        try {
            worker.execute(() -> {
                try {
                    lifecycle.run(handle);
                } finally {
                    live.remove(handle);
                }
            });
        } catch (RejectedExecutionException e) {
            live.remove(handle);
            lifecycle.cancelBeforeStart(handle);
        }
        return handle;
    }

    @Override
    public void close() {
        live.forEach(JobHandle::cancel);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        closeRunner();
    }

    /** The runner holds loaded models (native memory); it goes once no job can use it any more. */
    private void closeRunner() {
        if (runner instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(DeviceJobExecutor.class).warn("Closing the job runner failed", e);
            }
        }
    }
}
