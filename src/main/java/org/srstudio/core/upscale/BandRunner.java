package org.srstudio.core.upscale;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;

/**
 * Runs independent bands of rows on a pool of {@code threads} workers, at most that many at once. All calls to the
 * {@link JobContext} stay on the calling thread (contexts need not be thread-safe): it checks cancellation before
 * starting each band and reports progress after each one finishes, counted across every {@link #run} of a job.
 */
final class BandRunner implements AutoCloseable {
    private final int threads;
    private final JobContext context;
    private final int totalBands;
    private final ForkJoinPool pool;
    private int finished;

    BandRunner(int threads, JobContext context, int totalBands) {
        if (threads < 1) {
            throw new IllegalArgumentException("Threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.context = context;
        this.totalBands = totalBands;
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    /** Splits {@code rows} into the bands {@link #run} will use. */
    static int bandCount(int rows, int rowsPerBand) {
        return (rows + rowsPerBand - 1) / rowsPerBand;
    }

    /** Rows per band: small enough for responsive cancellation, large enough to amortise scheduling. */
    static int rowsPerBand(int rows) {
        return Math.max(4, (rows + 63) / 64);
    }

    void run(int bands, IntConsumer band) throws JobCancelledException {
        if (pool == null || bands == 1) {
            for (int b = 0; b < bands; b++) {
                context.checkCancelled();
                band.accept(b);
                reportFinished();
            }
            return;
        }
        ExecutorCompletionService<Integer> completion = new ExecutorCompletionService<>(pool);
        List<Future<Integer>> submitted = new ArrayList<>(bands);
        int next = 0;
        int inFlight = 0;
        boolean completed = false;
        try {
            while (next < bands && inFlight < threads) {
                context.checkCancelled();
                submitted.add(submit(completion, band, next++));
                inFlight++;
            }
            while (inFlight > 0) {
                Future<Integer> done = completion.take();
                inFlight--;
                done.get();
                reportFinished();
                if (next < bands) {
                    context.checkCancelled();
                    submitted.add(submit(completion, band, next++));
                    inFlight++;
                }
            }
            completed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (!completed) {
                submitted.forEach(f -> f.cancel(false));
            }
        }
    }

    private static Future<Integer> submit(ExecutorCompletionService<Integer> completion, IntConsumer band, int b) {
        return completion.submit(() -> {
            band.accept(b);
            return b;
        });
    }

    private void reportFinished() {
        finished++;
        context.progress(0, 0, finished, totalBands);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
