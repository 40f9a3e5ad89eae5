package org.srstudio.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.scene.image.Image;
import org.srstudio.ui.common.AreaDownscaler;
import org.srstudio.ui.common.UiDispatcher;

/**
 * Copies of the shown images shrunk to exactly the size they take on screen, made in the background. A zoomed-out
 * pane draws from such a level 1:1, which the software renderer does at blit speed, instead of filtering a large
 * texture down on every frame (three times slower, whatever the image size). Until the exact level is ready the
 * nearest one already made stands in. A few levels are kept per image, and an image's levels go with the image.
 * One level is made at a time, and only when a pane asks for it: after each one the panes redraw and ask again, so
 * sizes a zoom gesture passed through and previews that were replaced meanwhile are never made. Called on the UI
 * thread only.
 */
public final class DisplayLevels {
    /** Levels kept per image: the current size and the ones a zoom gesture just passed through. */
    static final int KEPT_PER_IMAGE = 3;

    private final Executor background;
    private final UiDispatcher ui;
    private final Map<Image, Levels> byImage = new WeakHashMap<>();
    private final ReadOnlyLongWrapper made = new ReadOnlyLongWrapper();
    private boolean busy;

    public DisplayLevels(Executor background, UiDispatcher ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Counts the levels made (or given up on) so far; panes redraw, and so ask for the next, when it changes. */
    public ReadOnlyLongProperty madeProperty() {
        return made.getReadOnlyProperty();
    }

    /**
     * What to draw {@code source} from at {@code width × height} screen pixels: the exact level when it is made,
     * otherwise the nearest level made so far (null when there is none; draw the source then) while the exact one
     * is made in the background.
     */
    public Image levelFor(Image source, int width, int height) {
        Levels levels = byImage.computeIfAbsent(source, s -> new Levels());
        Image exact = levels.find(width, height);
        if (exact != null) {
            levels.touch(exact);
            return exact;
        }
        if (!busy && !levels.failed(width, height)) {
            start(source, levels, width, height);
        }
        return levels.nearest(width);
    }

    private void start(Image source, Levels levels, int width, int height) {
        busy = true;
        background.execute(() -> {
            Image level;
            try {
                level = AreaDownscaler.downscale(source, width, height);
            } catch (RuntimeException | OutOfMemoryError e) {
                level = null; // the pane keeps drawing the source, smoothed
            }
            Image result = level;
            ui.post(() -> {
                busy = false;
                if (result != null) {
                    levels.add(result);
                } else {
                    levels.failedWidth = width;
                    levels.failedHeight = height;
                }
                made.set(made.get() + 1);
            });
        });
    }

    private static final class Levels {
        /** Most recently used last. */
        private final List<Image> images = new ArrayList<>();
        /** A size that could not be made (out of memory); not tried again for this image. */
        private int failedWidth;
        private int failedHeight;

        Image find(int width, int height) {
            for (Image i : images) {
                if ((int) i.getWidth() == width && (int) i.getHeight() == height) {
                    return i;
                }
            }
            return null;
        }

        boolean failed(int width, int height) {
            return width == failedWidth && height == failedHeight;
        }

        void touch(Image level) {
            images.remove(level);
            images.add(level);
        }

        void add(Image level) {
            images.add(level);
            if (images.size() > KEPT_PER_IMAGE) {
                images.remove(0);
            }
        }

        /** The smallest level at least as wide (shrinking it a little looks fine), else the widest there is. */
        Image nearest(int width) {
            Image best = null;
            for (Image i : images) {
                boolean covers = i.getWidth() >= width;
                if (best == null
                        || covers && (best.getWidth() < width || i.getWidth() < best.getWidth())
                        || !covers && best.getWidth() < width && i.getWidth() > best.getWidth()) {
                    best = i;
                }
            }
            return best;
        }
    }
}
