package org.srstudio.ui.compare;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import org.srstudio.ui.common.UiScheduler;

/**
 * The "score the visible region" mode: while it is on, reports what the compare view shows once zoom and pan
 * have rested for {@link #SETTLE}, so that a wheel zoom or a drag rescores once at its end instead of on every
 * step. A movement before the delay is up starts the wait again; the region it would have reported is never
 * reported. {@link #settledProperty()} is null for the whole image (mode off, or all of the frame in view).
 */
public final class VisibleRegionTracker {
    public static final Duration SETTLE = Duration.ofMillis(350);

    private final ViewportModel viewport;
    private final List<Variant> variants;
    private final UiScheduler scheduler;
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<VisibleRegion> settled = new ReadOnlyObjectWrapper<>();
    private UiScheduler.Cancellable pending;

    VisibleRegionTracker(ViewportModel viewport, ObservableList<Variant> variants, UiScheduler scheduler) {
        this.viewport = viewport;
        this.variants = variants;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        InvalidationListener moved = obs -> restartWait();
        Observable[] movements = {viewport.zoomProperty(), viewport.centerXProperty(), viewport.centerYProperty(),
                viewport.viewWidthProperty(), viewport.viewHeightProperty(), variants};
        for (Observable o : movements) {
            o.addListener(moved);
        }
        enabled.addListener((obs, was, on) -> {
            cancelPending();
            // Turning the mode on scores what is in view now; only later movements wait to settle.
            settled.set(on ? VisibleRegion.of(viewport, variants).orElse(null) : null);
        });
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyObjectProperty<VisibleRegion> settledProperty() {
        return settled.getReadOnlyProperty();
    }

    private void restartWait() {
        if (!enabled.get()) {
            return;
        }
        cancelPending();
        pending = scheduler.schedule(SETTLE, () -> {
            pending = null;
            settled.set(VisibleRegion.of(viewport, variants).orElse(null));
        });
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
