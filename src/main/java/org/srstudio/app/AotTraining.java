package org.srstudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.srstudio.core.FileTrees;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.prompt.PromptService;
import org.srstudio.iqa.ScoringService;
import org.srstudio.ui.StudioWindow;
import org.srstudio.ui.common.FxEventBridge;
import org.srstudio.ui.compare.CompareViewModel;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.demo.DemoImages;
import org.srstudio.ui.inputs.DropInput;

/**
 * The training run of the studio's ahead-of-time cache (Java 25+, {@code -XX:AOTCacheOutput}): it opens the real
 * window, composed as {@link Main} composes it, on a throwaway data folder, drops a PNG larger than the compare
 * view's preview (so that the row-by-row preview path runs) and then a JPEG, waits until each is on screen at full
 * resolution with its scores, and exits. The cache then holds the classes, and the profiles of the methods, that
 * a user's first drop needs, which a plain start loads and compiles while the user waits: in the UI benchmark's
 * fresh JVMs a 1024² PNG dropped a second after the window opened showed in a median 229–299 ms with the cache,
 * against 364–597 ms without it in the same runs. The window is transparent, and nothing is left on disk but the
 * cache the JVM writes on exit.
 */
public final class AotTraining {
    private static final Duration EACH_DROP = Duration.ofSeconds(60);
    private static final FxEventBridge FX = new FxEventBridge();

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        Platform.startup(() -> { });
        trainIn(Path.of(System.getProperty("java.io.tmpdir")), StudioPaths.fromEnvironment().modelsDir());
        Platform.exit();
        System.exit(0);
    }

    /**
     * Runs the training in a new folder under {@code parent}, with the models of {@code modelsDir}, and deletes
     * the folder. Returns the images the window showed, in order; the toolkit must be running.
     */
    static List<Path> trainIn(Path parent, Path modelsDir) throws Exception {
        Path data = Files.createTempDirectory(parent, "srstudio-aot-training");
        try {
            return run(new StudioPaths(modelsDir, data));
        } finally {
            FileTrees.delete(data);
        }
    }

    private static List<Path> run(StudioPaths paths) throws Exception {
        Path pictures = Files.createDirectories(paths.dataDir().resolve("training"));
        Path png = pictures.resolve("training.png");
        Path jpeg = pictures.resolve("training.jpg");
        ImageIO.write(DemoImages.scene(1280, 3), "png", png.toFile());
        ImageIO.write(DemoImages.scene(1024, 5), "jpg", jpeg.toFile());
        List<Path> shown = new ArrayList<>();
        try (StudioServices services = Studio.create(paths, ImageDecoder.DEFAULT_MAX_PIXELS);
             ScoringService scoring = Studio.scoring(paths);
             PromptService prompts = new PromptService()) {
            StudioWindow window = onFx(() -> {
                Stage stage = new Stage();
                stage.setOpacity(0);
                return StudioWindow.open(stage, services, new IqaVariantScorer(scoring, services.decoder()), prompts,
                        List.of());
            });
            try {
                for (Path image : List.of(png, jpeg)) {
                    drop(window, image);
                    shown.add(image.getFileName());
                }
            } finally {
                onFx(() -> {
                    window.close();
                    window.scene().getWindow().hide();
                    return null;
                });
            }
        }
        return shown;
    }

    /** Drops {@code image} as a user would and returns once it is on screen at full size, with scores rows. */
    private static void drop(StudioWindow window, Path image) throws Exception {
        onFx(() -> {
            window.viewModel().inputs().acceptDrop(DropInput.ofFiles(List.of(image)));
            return null;
        });
        long deadline = System.nanoTime() + EACH_DROP.toNanos();
        while (!onFx(() -> shownInFull(window, image))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The training image " + image.getFileName() + " was not shown within "
                        + EACH_DROP.toSeconds() + " s.");
            }
            Thread.sleep(50);
        }
    }

    private static boolean shownInFull(StudioWindow window, Path image) {
        CompareViewModel compare = window.viewModel().compare();
        Variant a = compare.a();
        return a != null && a.image().equals(image) && compare.image(a).isFull()
                && !window.viewModel().scores().rows().isEmpty();
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        return FX.call(action, EACH_DROP);
    }
}
