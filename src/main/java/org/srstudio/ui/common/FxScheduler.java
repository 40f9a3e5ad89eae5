package org.srstudio.ui.common;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** Delays on the JavaFX thread with a {@link PauseTransition}: nothing runs on another thread, so no bridge is needed. */
public final class FxScheduler implements UiScheduler {
    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.play();
        return pause::stop;
    }
}
