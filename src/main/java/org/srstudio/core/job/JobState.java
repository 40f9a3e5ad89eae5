package org.srstudio.core.job;

public enum JobState {
    QUEUED, RUNNING, FINISHED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }
}
