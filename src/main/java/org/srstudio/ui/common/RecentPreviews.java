package org.srstudio.ui.common;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.image.Image;

/**
 * The complete previews of the last few files decoded, including those still decoding, so that the inputs list's
 * thumbnail of a dropped file is shrunk from the compare view's preview instead of decoding the file a second
 * time. Thread-safe.
 */
final class RecentPreviews {
    private static final int KEPT = 8;
    private static final long WAIT_SECONDS = 30;

    private final Map<Path, CompletableFuture<Image>> previews = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, CompletableFuture<Image>> eldest) {
            return size() > KEPT;
        }
    };

    /** Marks {@code file} as being decoded; complete the future with its preview, or null when it failed. */
    synchronized CompletableFuture<Image> begin(Path file) {
        CompletableFuture<Image> preview = new CompletableFuture<>();
        previews.put(file, preview);
        return preview;
    }

    /**
     * The file's preview shrunk to fit {@code maxSide}, waiting for a decode under way; null when there is none or
     * it is too small for that side.
     */
    Image shrunk(Path file, int maxSide) {
        CompletableFuture<Image> pending;
        synchronized (this) {
            pending = previews.get(file);
        }
        if (pending == null) {
            return null;
        }
        Image preview;
        try {
            preview = pending.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
        if (preview == null) {
            return null;
        }
        double longer = Math.max(preview.getWidth(), preview.getHeight());
        if (longer < maxSide) {
            return null;
        }
        if (longer == maxSide) {
            return preview;
        }
        double scale = maxSide / longer;
        return AreaDownscaler.downscale(preview, Math.max(1, (int) Math.round(preview.getWidth() * scale)),
                Math.max(1, (int) Math.round(preview.getHeight() * scale)));
    }
}
