package org.srstudio.ui.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.srstudio.core.job.JobEvent;
import org.srstudio.core.job.JobExecutor;
import org.srstudio.core.job.JobHandle;
import org.srstudio.core.job.JobListener;
import org.srstudio.core.job.JobResult;
import org.srstudio.core.job.JobState;
import org.srstudio.core.job.UpscaleRequest;
import org.srstudio.ui.common.UiDispatcher;

/**
 * The job queue. It submits requests to the executor and turns the executor's events (which arrive on its
 * worker thread) into row updates on the UI thread: ordered for lifecycle events, coalesced per job for
 * progress, so a model reporting every tile cannot flood the UI.
 */
public final class QueueViewModel implements AutoCloseable {
    private final JobExecutor executor;
    private final UiDispatcher ui;
    private final Function<UpscaleRequest, String> titles;
    private final ObservableList<JobItemViewModel> items =
            FXCollections.observableArrayList(i -> new javafx.beans.Observable[] {i.stateProperty()});
    private final Map<Long, JobItemViewModel> byJob = new HashMap<>();
    /** Events for jobs whose row does not exist yet: a synchronous executor reports before submit returns. */
    private final Map<Long, List<JobEvent>> early = new HashMap<>();
    private final JobListener listener = this::onWorkerEvent;
    private final BooleanBinding busy;
    private final StringBinding summary;
    private BiConsumer<UpscaleRequest, JobResult> onFinished = (r, res) -> { };

    public QueueViewModel(JobExecutor executor, UiDispatcher ui, Function<UpscaleRequest, String> titles) {
        this.executor = executor;
        this.ui = ui;
        this.titles = titles;
        this.busy = Bindings.createBooleanBinding(
                () -> items.stream().anyMatch(i -> !i.state().isTerminal()), items);
        this.summary = Bindings.createStringBinding(this::describe, items);
        executor.addListener(listener);
    }

    // Properties

    public ObservableList<JobItemViewModel> items() {
        return items;
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    public String device() {
        return executor.device();
    }

    /** Called on the UI thread for every finished job, with its request and result. */
    public void setOnFinished(BiConsumer<UpscaleRequest, JobResult> listener) {
        this.onFinished = listener;
    }

    // Commands

    public List<JobItemViewModel> submit(List<UpscaleRequest> requests) {
        List<JobItemViewModel> added = new ArrayList<>();
        for (UpscaleRequest r : requests) {
            JobItemViewModel item = new JobItemViewModel(executor.submit(r), titles.apply(r));
            items.add(item);
            added.add(item);
            track(item);
        }
        return added;
    }

    public void cancel(JobItemViewModel item) {
        item.handle().cancel();
    }

    public void cancelAll() {
        items.stream().filter(i -> !i.state().isTerminal()).forEach(this::cancel);
    }

    /** Submits a failed or cancelled job again, in the same row. */
    public void retry(JobItemViewModel item) {
        if (!item.retryableProperty().get()) {
            return;
        }
        byJob.remove(item.jobId());
        JobHandle next = executor.submit(item.request());
        item.rebind(next);
        track(item);
    }

    public void clearFinished() {
        items.removeIf(i -> i.state().isTerminal());
        byJob.values().removeIf(i -> i.state().isTerminal());
    }

    @Override
    public void close() {
        executor.removeListener(listener);
    }

    private void track(JobItemViewModel item) {
        byJob.put(item.jobId(), item);
        List<JobEvent> pending = early.remove(item.jobId());
        if (pending != null) {
            pending.forEach(e -> deliver(item, e));
        }
        // The outcome may have been reached before any event could be delivered to this row.
        JobState state = item.handle().state();
        if (state.isTerminal() && !item.state().isTerminal()) {
            item.handle().outcome().thenAccept(e -> ui.post(() -> apply(e)));
        }
    }

    private void onWorkerEvent(JobEvent event) {
        if (event instanceof JobEvent.Progress) {
            ui.postLatest(event.jobId(), () -> apply(event));
        } else if (!(event instanceof JobEvent.Preview)) {
            ui.post(() -> apply(event));
        }
    }

    private void apply(JobEvent event) {
        JobItemViewModel item = byJob.get(event.jobId());
        if (item == null) {
            early.computeIfAbsent(event.jobId(), k -> new ArrayList<>()).add(event);
            return;
        }
        deliver(item, event);
    }

    private void deliver(JobItemViewModel item, JobEvent event) {
        boolean wasTerminal = item.state().isTerminal();
        item.apply(event);
        if (!wasTerminal && event instanceof JobEvent.Finished finished) {
            onFinished.accept(item.request(), finished.result());
        }
    }

    private String describe() {
        long running = items.stream().filter(i -> i.state() == JobState.RUNNING).count();
        long queued = items.stream().filter(i -> i.state() == JobState.QUEUED).count();
        long failed = items.stream().filter(i -> i.state() == JobState.FAILED).count();
        long done = items.stream().filter(i -> i.state() == JobState.FINISHED).count();
        List<String> parts = new ArrayList<>();
        if (running > 0) {
            parts.add(running + " running");
        }
        if (queued > 0) {
            parts.add(queued + " queued");
        }
        if (done > 0) {
            parts.add(done + " done");
        }
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        return parts.isEmpty() ? "Queue is empty" : String.join(" · ", parts);
    }
}
