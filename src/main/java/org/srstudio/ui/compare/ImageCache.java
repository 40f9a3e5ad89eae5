package org.srstudio.ui.compare;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.scene.image.Image;
import org.srstudio.core.StudioException;
import org.srstudio.ui.common.ImageFacts;
import org.srstudio.ui.common.UiDispatcher;
import org.srstudio.ui.common.UiImageLoader;

/**
 * Decoded images of the variants on screen. Each file is decoded once in the background; previews of the rows
 * decoded so far are shown on the way, so the top of a large image appears long before the whole is decoded,
 * then the full image. Only the current input's files are kept.
 */
public final class ImageCache {
    public static final int PREVIEW_SIDE = 1024;

    private final UiImageLoader loader;
    private final Executor background;
    private final UiDispatcher ui;
    private final Map<Path, LoadedImage> images = new HashMap<>();

    public ImageCache(UiImageLoader loader, Executor background, UiDispatcher ui) {
        this.loader = loader;
        this.background = background;
        this.ui = ui;
    }

    /** The image of a file, loading it if it is not cached. Call on the UI thread. */
    public LoadedImage get(Path file) {
        return images.computeIfAbsent(file, this::startLoading);
    }

    /** Forgets every file not in the list, so that images of other inputs can be collected. */
    public void retainOnly(Collection<Path> files) {
        Set<Path> keep = new HashSet<>(files);
        images.keySet().removeIf(p -> !keep.contains(p));
    }

    public ImageFacts probe(Path file) throws StudioException {
        return loader.probe(file);
    }

    private LoadedImage startLoading(Path file) {
        LoadedImage loaded = new LoadedImage();
        background.execute(() -> {
            try {
                // Only the newest preview matters; one that the UI thread has not shown yet is replaced.
                Image full = loader.loadProgressively(file, PREVIEW_SIDE,
                        preview -> ui.postLatest(loaded, () -> loaded.showPreview(preview)));
                ui.post(() -> loaded.showFull(full));
            } catch (StudioException e) {
                ui.post(() -> loaded.fail(e.getMessage()));
            } catch (OutOfMemoryError e) {
                ui.post(() -> loaded.fail("Not enough memory to show " + file.getFileName() + " at full size."));
            }
        });
        return loaded;
    }
}
