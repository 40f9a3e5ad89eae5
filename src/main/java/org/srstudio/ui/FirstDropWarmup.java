package org.srstudio.ui;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.srstudio.ui.common.FxScheduler;
import org.srstudio.ui.common.ImageFacts;
import org.srstudio.ui.common.StudioTheme;
import org.srstudio.ui.common.UiDispatcher;
import org.srstudio.ui.common.UiImageLoader;
import org.srstudio.ui.compare.CompareView;
import org.srstudio.ui.compare.CompareViewModel;
import org.srstudio.ui.compare.ImageCache;
import org.srstudio.ui.compare.LoadedImage;
import org.srstudio.ui.compare.ResultLibrary;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.inputs.InputsView;
import org.srstudio.ui.inputs.InputsViewModel;
import org.srstudio.ui.scores.ScoresView;
import org.srstudio.ui.scores.ScoresViewModel;
import org.srstudio.ui.scores.VariantScorer;

/**
 * Runs the path of a dropped image once, right after the window opens, on throwaway views that are never shown:
 * a 1280 × 720 PNG written to a temporary file is listed, shown in a compare view (decoded with row-by-row
 * previews, as a large file is, with its variants in the toolbar) over a scores table, and rendered once; then all
 * of it is dropped and the file deleted. The first image dropped in a session otherwise waits while the JVM loads
 * and compiles that code (the codecs, list and table cells, the compare view and its image pane): in fresh JVMs a
 * 1024² PNG took a median 624 ms to its first pixel without this and 427 ms with an image pane in place of the
 * compare view, against 182 ms for later drops; with the compare view, on Java 25 with the AOT cache, 216 ms
 * against 311 ms. A user takes longer to reach for a file than this takes. Nothing of it reaches the session, the
 * screen or the real views. The system property {@value #SWITCH}{@code =false} turns it off (the UI benchmark
 * does, for its reference).
 */
final class FirstDropWarmup {
    static final String SWITCH = "srstudio.firstDropWarmup";
    private static final Logger LOG = LoggerFactory.getLogger(FirstDropWarmup.class);
    /** Wider than the compare view's preview side, so that the row-by-row preview path of large files runs too. */
    private static final int WIDTH = ImageCache.PREVIEW_SIDE + 256;
    private static final int HEIGHT = 720;

    private final UiImageLoader loader;
    private final Executor background;
    private final UiDispatcher ui;
    private final StudioTheme theme;
    private final CompletableFuture<Path> done = new CompletableFuture<>();

    FirstDropWarmup(UiImageLoader loader, Executor background, UiDispatcher ui, StudioTheme theme) {
        this.loader = loader;
        this.background = background;
        this.ui = ui;
        this.theme = theme;
    }

    static boolean enabled() {
        return !"false".equals(System.getProperty(SWITCH));
    }

    /**
     * Starts in the background; call on the FX thread once the window is showing. The future completes with the
     * temporary file once it is deleted, or exceptionally if the warm-up stopped.
     */
    CompletableFuture<Path> start() {
        background.execute(() -> {
            try {
                Path file = Files.createTempFile("srstudio-warmup-", ".png");
                // The studio may be closed, or the JVM stopped, before the warm-up gets to delete it.
                file.toFile().deleteOnExit();
                ImageIO.write(gradient(), "png", file.toFile());
                ui.post(() -> show(file));
            } catch (IOException | RuntimeException e) {
                // Only speed is lost: the first real drop warms the same code itself.
                LOG.debug("Warm-up skipped", e);
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private void show(Path file) {
        try {
            InputsViewModel inputs = new InputsViewModel(loader, background, ui, file.getParent());
            ScoresViewModel scores = new ScoresViewModel(VariantScorer.NONE, background, ui);
            CompareViewModel compare = new CompareViewModel(new ImageCache(loader, background, ui), background, ui,
                    new FxScheduler());
            CompareView compareView = new CompareView(compare);
            // The views join a scene that is already styled: the compare view applies CSS as soon as it is in one,
            // and a scene marks its root as .root (where the theme's colours are) only after its nodes know it.
            VBox root = new VBox();
            theme.apply(new Scene(root, 1280, 900));
            root.getChildren().addAll(new InputsView(inputs), compareView, new ScoresView(scores));
            VBox.setVgrow(compareView, Priority.ALWAYS);
            inputs.add(List.of(file));
            List<Variant> variants = new ResultLibrary().variantsFor(file,
                    new ImageFacts(WIDTH, HEIGHT, "png", Files.size(file)));
            compare.setVariants(variants);
            scores.show(variants);
            root.applyCss();
            root.layout();
            LoadedImage input = compare.image(variants.get(0));
            input.fullProperty().addListener((obs, was, full) -> {
                if (full) {
                    root.applyCss();
                    root.layout();
                    root.snapshot(null, null);
                    delete(file);
                }
            });
            input.errorProperty().addListener((obs, none, sentence) -> {
                LOG.debug("Warm-up stopped: {}", sentence);
                done.completeExceptionally(new IllegalStateException(sentence));
                delete(file);
            });
        } catch (IOException | RuntimeException e) {
            LOG.debug("Warm-up skipped", e);
            done.completeExceptionally(e);
            delete(file);
        }
    }

    private void delete(Path file) {
        try {
            background.execute(() -> deleteNow(file));
        } catch (RejectedExecutionException windowClosed) {
            deleteNow(file);
        }
    }

    private void deleteNow(Path file) {
        try {
            Files.deleteIfExists(file);
            done.complete(file);
        } catch (IOException e) {
            LOG.debug("Could not delete the warm-up image {}", file, e);
            done.completeExceptionally(e);
        }
    }

    private static BufferedImage gradient() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                pixels[y * WIDTH + x] = (x * 255 / WIDTH) << 16 | (y * 255 / HEIGHT) << 8 | (x ^ y) & 255;
            }
        }
        return image;
    }
}
