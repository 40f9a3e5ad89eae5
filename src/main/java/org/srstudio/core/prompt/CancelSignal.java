package org.srstudio.core.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * A cancel request that a running description polls and that also aborts the HTTP exchange at once through the
 * actions registered with {@link #onCancel}. Thread-safe; cancelling twice is harmless.
 */
public final class CancelSignal {
    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} when cancelled, or now if already cancelled. */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }

    /** Forgets an action registered with {@link #onCancel} once the work it would abort is over. */
    public synchronized void remove(Runnable action) {
        actions.remove(action);
    }
}
