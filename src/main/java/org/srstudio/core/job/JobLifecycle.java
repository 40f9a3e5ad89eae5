package org.srstudio.core.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.srstudio.core.StudioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part both executors share: ids, listeners, and running one job from Started to its terminal event with a
 * {@link JobContext} that turns step/tile reports into fractions and ETAs.
 */
final class JobLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(JobLifecycle.class);

    private final AtomicLong nextId = new AtomicLong(1);
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final JobRunner runner;
    private final String device;
    private final LongSupplier nanoClock;

    JobLifecycle(JobRunner runner, String device, LongSupplier nanoClock) {
        this.runner = runner;
        this.device = device;
        this.nanoClock = nanoClock;
    }

    String device() {
        return device;
    }

    void addListener(JobListener listener) {
        listeners.add(listener);
    }

    void removeListener(JobListener listener) {
        listeners.remove(listener);
    }

    JobHandle enqueue(UpscaleRequest request) {
        JobHandle handle = new JobHandle(nextId.getAndIncrement(), request);
        publish(new JobEvent.Queued(handle.id(), request));
        return handle;
    }

    void cancelBeforeStart(JobHandle handle) {
        finish(handle, JobState.CANCELLED, new JobEvent.Cancelled(handle.id()));
    }

    void run(JobHandle handle) {
        if (handle.isCancelRequested()) {
            cancelBeforeStart(handle);
            return;
        }
        handle.moveTo(JobState.RUNNING);
        publish(new JobEvent.Started(handle.id(), device));
        try {
            JobResult result = runner.run(handle.request(), new Context(handle, nanoClock.getAsLong()));
            finish(handle, JobState.FINISHED, new JobEvent.Finished(handle.id(), result));
        } catch (JobCancelledException e) {
            finish(handle, JobState.CANCELLED, new JobEvent.Cancelled(handle.id()));
        } catch (StudioException e) {
            finish(handle, JobState.FAILED, new JobEvent.Failed(handle.id(), e.getMessage()));
        } catch (OutOfMemoryError e) {
            finish(handle, JobState.FAILED, new JobEvent.Failed(handle.id(),
                    "The job ran out of memory; try a smaller tile size or a smaller image."));
        } catch (RuntimeException e) {
            LOG.error("Job {} failed unexpectedly", handle.id(), e);
            finish(handle, JobState.FAILED, new JobEvent.Failed(handle.id(),
                    "The job failed unexpectedly (" + e.getClass().getSimpleName() + "); the log has the details."));
        }
    }

    private void finish(JobHandle handle, JobState state, JobEvent event) {
        handle.moveTo(state);
        publish(event);
        handle.complete(event);
    }

    private void publish(JobEvent event) {
        for (JobListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("A job listener failed on {}", event, e);
            }
        }
    }

    /** Overall completion when tiles are the outer loop and steps the inner one. */
    static double fraction(int step, int steps, int tile, int tiles) {
        if (tiles > 0 && steps > 0) {
            return clamp((Math.max(tile - 1, 0) + (double) step / steps) / tiles);
        }
        if (tiles > 0) {
            return clamp((double) tile / tiles);
        }
        if (steps > 0) {
            return clamp((double) step / steps);
        }
        return 0;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private final class Context implements JobContext {
        private final JobHandle handle;
        private final long startNanos;

        Context(JobHandle handle, long startNanos) {
            this.handle = handle;
            this.startNanos = startNanos;
        }

        @Override
        public void checkCancelled() throws JobCancelledException {
            if (handle.isCancelRequested() || Thread.currentThread().isInterrupted()) {
                throw new JobCancelledException();
            }
        }

        @Override
        public void progress(int step, int steps, int tile, int tiles) {
            double fraction = fraction(step, steps, tile, tiles);
            long elapsed = nanoClock.getAsLong() - startNanos;
            Optional<Duration> eta = fraction > 0
                    ? Optional.of(Duration.ofNanos((long) (elapsed * (1 - fraction) / fraction)))
                    : Optional.empty();
            publish(new JobEvent.Progress(handle.id(), step, steps, tile, tiles, fraction, eta));
        }

        @Override
        public void preview(org.srstudio.core.image.FloatImage image) {
            publish(new JobEvent.Preview(handle.id(), image));
        }
    }
}
