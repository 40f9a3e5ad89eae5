package org.srstudio.core.job;

/** Thrown from {@link JobContext#checkCancelled()} to unwind a cancelled job between tiles or steps. */
public final class JobCancelledException extends Exception {
    public JobCancelledException() {
        super("The job was cancelled.");
    }
}
