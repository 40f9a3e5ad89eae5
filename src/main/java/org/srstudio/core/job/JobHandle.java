package org.srstudio.core.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** A submitted job: its id and request, its current state, a way to cancel it, and its outcome. */
public final class JobHandle {
    private final long id;
    private final UpscaleRequest request;
    private final AtomicReference<JobState> state = new AtomicReference<>(JobState.QUEUED);
    private final CompletableFuture<JobEvent> outcome = new CompletableFuture<>();
    private volatile boolean cancelRequested;

    JobHandle(long id, UpscaleRequest request) {
        this.id = id;
        this.request = request;
    }

    public long id() {
        return id;
    }

    public UpscaleRequest request() {
        return request;
    }

    public JobState state() {
        return state.get();
    }

    /** Asks the job to stop; a queued job never starts, a running one stops at its next tile or step boundary. */
    public void cancel() {
        cancelRequested = true;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /** Completes with the terminal event: {@link JobEvent.Finished}, {@link JobEvent.Failed} or {@link JobEvent.Cancelled}. */
    public CompletableFuture<JobEvent> outcome() {
        return outcome;
    }

    void moveTo(JobState next) {
        state.set(next);
    }

    void complete(JobEvent terminal) {
        outcome.complete(terminal);
    }
}
