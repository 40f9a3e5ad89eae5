package org.srstudio.ui.common;

import java.time.Duration;

/**
 * Runs an action on the UI thread after a delay, for debouncing. The window uses {@link FxScheduler}; view-model
 * tests pass a manual clock that runs the due actions when the test advances it.
 */
@FunctionalInterface
public interface UiScheduler {
    /** Schedules {@code action}; the returned handle cancels it if it has not run yet. */
    Cancellable schedule(Duration delay, Runnable action);

    /** A scheduled action that may still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
