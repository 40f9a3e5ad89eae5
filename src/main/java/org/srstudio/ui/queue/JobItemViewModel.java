package org.srstudio.ui.queue;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.srstudio.core.job.JobEvent;
import org.srstudio.core.job.JobHandle;
import org.srstudio.core.job.JobState;
import org.srstudio.core.job.UpscaleRequest;

/** One row of the queue: which input and model, where the job is, and what went wrong if it failed. */
public final class JobItemViewModel {
    private final UpscaleRequest request;
    private final String title;
    private JobHandle handle;
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(JobState.QUEUED);
    /** Completion in [0, 1], or -1 while it is not known (queued, or a model that reports nothing). */
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("Queued");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final BooleanBinding cancellable;
    private final BooleanBinding retryable;

    JobItemViewModel(JobHandle handle, String title) {
        this.handle = handle;
        this.request = handle.request();
        this.title = title;
        this.cancellable = Bindings.createBooleanBinding(() -> !state.get().isTerminal(), state);
        this.retryable = Bindings.createBooleanBinding(
                () -> state.get() == JobState.FAILED || state.get() == JobState.CANCELLED, state);
    }

    public UpscaleRequest request() {
        return request;
    }

    public String title() {
        return title;
    }

    public long jobId() {
        return handle.id();
    }

    JobHandle handle() {
        return handle;
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public JobState state() {
        return state.get();
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public String detail() {
        return detail.get();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    public BooleanBinding cancellableProperty() {
        return cancellable;
    }

    public BooleanBinding retryableProperty() {
        return retryable;
    }

    void rebind(JobHandle next) {
        handle = next;
        state.set(JobState.QUEUED);
        fraction.set(-1);
        detail.set("Queued");
        error.set(null);
    }

    void apply(JobEvent event) {
        if (state.get().isTerminal() && !(event instanceof JobEvent.Queued)) {
            return;
        }
        if (event instanceof JobEvent.Queued) {
            detail.set("Queued");
        } else if (event instanceof JobEvent.Started started) {
            state.set(JobState.RUNNING);
            detail.set("Starting on " + started.device());
        } else if (event instanceof JobEvent.Progress p) {
            state.set(JobState.RUNNING);
            fraction.set(p.fraction());
            detail.set(progressText(p.step(), p.steps(), p.tile(), p.tiles(), p.eta()));
        } else if (event instanceof JobEvent.Finished f) {
            state.set(JobState.FINISHED);
            fraction.set(1);
            detail.set("Done in " + clock(Duration.ofMillis(f.result().provenance().runMillis())));
        } else if (event instanceof JobEvent.Failed f) {
            state.set(JobState.FAILED);
            error.set(f.message());
            detail.set("Failed");
        } else if (event instanceof JobEvent.Cancelled) {
            state.set(JobState.CANCELLED);
            detail.set("Cancelled");
        }
    }

    static String progressText(int step, int steps, int tile, int tiles, Optional<Duration> eta) {
        StringBuilder sb = new StringBuilder();
        if (steps > 0) {
            sb.append("Step ").append(step).append('/').append(steps);
        }
        if (tiles > 0) {
            sb.append(sb.length() > 0 ? " · tile " : "Tile ").append(tile).append('/').append(tiles);
        }
        if (sb.length() == 0) {
            sb.append("Running");
        }
        eta.ifPresent(d -> sb.append(" · ").append(clock(d)).append(" left"));
        return sb.toString();
    }

    static String clock(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s < 60) {
            return s + " s";
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
