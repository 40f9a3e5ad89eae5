package org.srstudio.core.job;

/** What both executors share: listeners and device come from the job lifecycle they run jobs through. */
abstract class LifecycleExecutor implements JobExecutor {
    protected final JobLifecycle lifecycle;

    LifecycleExecutor(JobLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void addListener(JobListener listener) {
        lifecycle.addListener(listener);
    }

    @Override
    public void removeListener(JobListener listener) {
        lifecycle.removeListener(listener);
    }

    @Override
    public String device() {
        return lifecycle.device();
    }
}
