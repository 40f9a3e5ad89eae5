package org.srstudio.ui;

import java.time.Duration;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ObservableBooleanValue;
import org.srstudio.ui.common.UiScheduler;

/**
 * Fills the scores table once the compare view shows the input. Adding the table's rows costs a layout pass of
 * its own, and in the pulse that draws the input's first preview it holds that frame back: 65 ms of the first
 * drop of a session (median 365 against 300 ms over 8 fresh JVMs each). So while the input is still loading, the
 * rows follow a few frames after its first pixels (or its error); when it is already on screen, they come at once.
 * A newer call replaces one still waiting.
 */
final class ScoresAfterInput {
    /** Long enough for the frame with the first pixels to be on its way before the rows are laid out. */
    static final Duration AFTER_FIRST_PIXELS = Duration.ofMillis(50);

    private final UiScheduler scheduler;
    private Runnable cancelWaiting = () -> { };

    ScoresAfterInput(UiScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code fillTable} now if {@code inputShown} is true, else a little after it becomes true. */
    void fill(ObservableBooleanValue inputShown, Runnable fillTable) {
        cancelWaiting.run();
        cancelWaiting = () -> { };
        if (inputShown.get()) {
            fillTable.run();
            return;
        }
        UiScheduler.Cancellable[] timer = {() -> { }};
        InvalidationListener onShown = new InvalidationListener() {
            @Override
            public void invalidated(Observable obs) {
                if (inputShown.get()) {
                    inputShown.removeListener(this);
                    timer[0] = scheduler.schedule(AFTER_FIRST_PIXELS, fillTable);
                }
            }
        };
        inputShown.addListener(onShown);
        cancelWaiting = () -> {
            inputShown.removeListener(onShown);
            timer[0].cancel();
        };
    }
}
