package org.srstudio.ui;

import org.srstudio.core.prompt.PromptService;
import org.srstudio.ui.compare.VariantKind;
import org.srstudio.ui.scores.VariantScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.job.DeviceJobExecutor;
import org.srstudio.core.store.ResultStore;
import org.srstudio.ui.common.FxEventBridge;
import org.srstudio.ui.common.StudioTheme;
import org.srstudio.ui.compare.CompareMode;
import org.srstudio.ui.demo.DemoImages;
import org.srstudio.ui.demo.DemoModels;
import org.srstudio.ui.demo.DemoScorer;
import org.srstudio.ui.demo.ResamplingRunner;

/**
 * Opens the real studio window with demo content (procedural pictures, Java2D resamplers, a ground truth and
 * PSNR/sharpness scores) and writes {@code studio-light.png} and {@code studio-dark.png}. Run it under a display,
 * e.g. {@code xvfb-run -a -s "-screen 0 1600x1000x24" java ... org.srstudio.ui.ScreenshotTool assets/screenshots}.
 */
public final class ScreenshotTool {
    private static final FxEventBridge FX = new FxEventBridge();

    private ScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Path data = Files.createTempDirectory("srstudio-shot");
        Path pictures = data.resolve("pictures");
        Path harbour = DemoImages.writePair(pictures, "harbour", 1024, 4, 1);
        Path skyline = DemoImages.writePair(pictures, "skyline", 1024, 4, 3);
        StudioServices services = new StudioServices(DemoModels.registry(data.resolve("models")),
                new DeviceJobExecutor("cpu", new ResamplingRunner(data.resolve("store"), 60)),
                new ResultStore(data.resolve("store")), new ImageDecoder(), data);
        capture(services, new DemoScorer(), null, List.of(harbour, skyline), pictures.resolve("harbour_gt.png"),
                List.of("demo-bilinear", "demo-bicubic"), "supir", out);
        services.close();
        Platform.exit();
    }

    /**
     * Opens the window on {@code services}, runs {@code models} on the first input (with its ground truth), waits
     * for the jobs and the scores, and writes {@code studio-light.png} (slider, zoomed in) and {@code studio-dark.png}
     * (grid of three) into {@code out}. Starts the JavaFX toolkit; the caller exits it.
     */
    public static void capture(StudioServices services, VariantScorer scorer, PromptService prompts, List<Path> inputs,
                               Path groundTruth, List<String> models, String focusModel, Path out) throws Exception {
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);

        StudioWindow window = onFx(() -> StudioWindow.open(new Stage(), services, scorer, prompts, inputs));
        StudioViewModel vm = window.viewModel();
        waitFor(() -> onFx(() -> vm.inputs().items().size() == inputs.size()
                && vm.inputs().items().stream().allMatch(i -> i.facts() != null)));
        int expected = onFx(() -> {
            models.forEach(id -> vm.models().card(id).ifPresent(vm.models()::click));
            if (groundTruth != null) {
                vm.setGroundTruth(groundTruth);
            }
            return vm.run().size();
        });
        waitFor(() -> onFx(() -> !vm.queue().items().isEmpty() && !vm.queue().busyProperty().get()
                && vm.compare().variants().stream().filter(v -> v.kind() == VariantKind.MODEL).count() >= expected
                && vm.scores().rows().stream().allMatch(r -> r.statusProperty().get().isEmpty())));
        onFx(() -> {
            vm.models().card(focusModel).ifPresent(vm.models()::focus);
            vm.compare().setMode(CompareMode.SLIDER);
            vm.compare().dividerProperty().set(0.5);
            vm.compare().viewport().fit();
            vm.compare().viewport().zoomAt(2.2, vm.compare().viewport().viewWidthProperty().get() * 0.35,
                    vm.compare().viewport().viewHeightProperty().get() * 0.25);
            return null;
        });
        Thread.sleep(1500);
        shoot(window, out.resolve("studio-light.png"));
        onFx(() -> {
            vm.themeProperty().set(StudioTheme.DARK);
            vm.compare().setMode(CompareMode.GRID);
            vm.compare().gridCountProperty().set(3);
            return null;
        });
        Thread.sleep(1500);
        shoot(window, out.resolve("studio-dark.png"));
        onFx(() -> {
            vm.themeProperty().set(StudioTheme.LIGHT);
            window.close();
            return null;
        });
    }

    private static void shoot(StudioWindow window, Path file) throws Exception {
        WritableImage image = onFx(() -> window.scene().snapshot(null));
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static <T> T onFx(Supplier<T> action) throws Exception {
        return FX.call(action, Duration.ofSeconds(60));
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The demo did not reach the expected state within ten minutes.");
            }
            Thread.sleep(100);
        }
    }
}
