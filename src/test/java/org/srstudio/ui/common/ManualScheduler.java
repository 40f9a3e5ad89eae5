package org.srstudio.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler on a clock that only moves when the test says so; due actions run on the test's thread. */
public final class ManualScheduler implements UiScheduler {
    private record Task(long dueMillis, Runnable action) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long nowMillis;

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Task t = new Task(nowMillis + delay.toMillis(), action);
        tasks.add(t);
        return () -> tasks.remove(t);
    }

    /** Moves the clock on, running every action that falls due on the way, in time order. */
    public void advance(Duration by) {
        long until = nowMillis + by.toMillis();
        while (true) {
            Task next = tasks.stream().filter(t -> t.dueMillis() <= until).min(Comparator.comparingLong(Task::dueMillis))
                    .orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            nowMillis = next.dueMillis();
            next.action().run();
        }
        nowMillis = until;
    }

    public int pending() {
        return tasks.size();
    }
}
