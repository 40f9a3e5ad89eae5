package org.srstudio.ui.common;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The one door from background threads to the JavaFX thread. Job events, scoring callbacks and image loads all
 * come through here, so that nothing else in the UI calls {@code Platform.runLater} and progress floods are
 * coalesced to at most one pending update per key.
 */
public final class FxEventBridge implements UiDispatcher {
    private final Map<Object, Runnable> latest = new ConcurrentHashMap<>();

    @Override
    public void post(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /**
     * Runs {@code action} on the JavaFX thread and waits for its result: for the tools that drive the studio from
     * another thread (the UI benchmark, the screenshots, the AOT training run).
     */
    public <T> T call(Supplier<T> action, Duration timeout) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        post(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void postLatest(Object key, Runnable action) {
        // Only the first update of a burst schedules a pulse; later ones just replace the payload it will run.
        if (latest.put(key, action) == null) {
            Platform.runLater(() -> {
                Runnable newest = latest.remove(key);
                if (newest != null) {
                    newest.run();
                }
            });
        }
    }
}
