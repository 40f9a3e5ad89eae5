package org.srstudio.ui.common;

/**
 * Where view models send work that must happen on the UI thread. The application uses {@link FxEventBridge};
 * view-model tests use {@link #DIRECT}, which runs everything at once on the calling thread.
 */
public interface UiDispatcher {
    /** Runs the action on the UI thread, after every action posted before it. */
    void post(Runnable action);

    /**
     * Runs the action on the UI thread unless a newer action with the same key arrives first; for progress and
     * other streams where only the latest value matters.
     */
    void postLatest(Object key, Runnable action);

    UiDispatcher DIRECT = new UiDispatcher() {
        @Override
        public void post(Runnable action) {
            action.run();
        }

        @Override
        public void postLatest(Object key, Runnable action) {
            action.run();
        }
    };
}
