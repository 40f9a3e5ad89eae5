package org.srstudio.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The UI's own small pool for decoding thumbnails, previews and heat maps, separate from the model executor so
 * that browsing images never waits behind an upscale. Daemon threads; closed with the window.
 */
public final class BackgroundWorkers implements Executor, AutoCloseable {
    private final ExecutorService pool;

    public BackgroundWorkers(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "srstudio-ui-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
