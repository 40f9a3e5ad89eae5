package org.srstudio.core.job;

/** Receives job events on the executor's worker thread; UI code hops to its own thread through one bridge. */
@FunctionalInterface
public interface JobListener {
    void onEvent(JobEvent event);
}
