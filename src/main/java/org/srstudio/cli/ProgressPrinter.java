package org.srstudio.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.srstudio.core.job.JobEvent;
import org.srstudio.core.job.JobListener;

/** Prints job progress to stderr, at most one line a second, so fast jobs stay quiet and logs readable. */
final class ProgressPrinter implements JobListener {
    private final PrintWriter err;
    private volatile String label = "";
    private long lastPrintNanos = System.nanoTime();

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    void label(String label) {
        this.label = label;
        lastPrintNanos = System.nanoTime();
    }

    @Override
    public synchronized void onEvent(JobEvent event) {
        if (event instanceof JobEvent.Progress p) {
            int percent = (int) Math.round(p.fraction() * 100);
            long now = System.nanoTime();
            if (now - lastPrintNanos < 1_000_000_000L) {
                return;
            }
            lastPrintNanos = now;
            StringBuilder line = new StringBuilder(label).append(": ");
            if (p.steps() > 0) {
                line.append("step ").append(p.step()).append('/').append(p.steps()).append(", ");
            }
            if (p.tiles() > 0) {
                line.append("tile ").append(p.tile()).append('/').append(p.tiles()).append(", ");
            }
            line.append(percent).append(" %");
            p.eta().ifPresent(eta -> line.append(", ETA ").append(format(eta)));
            err.println(line);
            err.flush();
        }
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
