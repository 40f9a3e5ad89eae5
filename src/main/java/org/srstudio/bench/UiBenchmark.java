package org.srstudio.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.job.DeviceJobExecutor;
import org.srstudio.core.store.ResultStore;
import org.srstudio.ui.StudioWindow;
import org.srstudio.ui.common.FxEventBridge;
import org.srstudio.ui.common.StudioTheme;
import org.srstudio.ui.compare.ImagePane;
import org.srstudio.ui.compare.ViewportModel;
import org.srstudio.ui.demo.DemoImages;
import org.srstudio.ui.demo.DemoModels;
import org.srstudio.ui.inputs.DropInput;
import org.srstudio.ui.scores.VariantScorer;
import org.srstudio.ui.demo.ResamplingRunner;

/**
 * UI performance, measured against references taken in the same run:
 * <ol>
 * <li>frame time while the slider divider sweeps across an 8K × 8K pair (target ≤ 16 ms), at fit and at 100 %,
 * next to the same sweep over a 1K × 1K pair;</li>
 * <li>drop-to-first-pixel: from {@code acceptDrop} to the compare view's first drawing of the new input
 * (target &lt; 300 ms), next to a plain full ImageIO decode of the same file.</li>
 * </ol>
 * A frame's time is the interval between pulses while the divider moves every pulse; JavaFX caps pulses at
 * 60 Hz, so 16.7 ms means the view keeps up and anything above is time the frame really cost. (Unthrottled
 * pulses would starve the loading threads that drop-to-first-pixel measures.) Needs a display, e.g. xvfb-run;
 * not a test.
 */
public final class UiBenchmark {
    private static final FxEventBridge FX = new FxEventBridge();
    private static final int FRAMES = 120;

    private UiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // A benchmark's output is its product; it goes to the process's standard output stream.
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), java.nio.charset.StandardCharsets.UTF_8), true);
        run(out);
        out.flush();
        Platform.exit();
    }

    public static void run(PrintWriter out) throws Exception {
        startToolkit();
        out.printf(Locale.ROOT, "UI benchmark (prism %s, %d frames per sweep, window 1600x1000)%n",
                System.getProperty("prism.order", "default"), FRAMES);
        WritableImage small = pattern(1024, 0);
        WritableImage smallB = pattern(1024, 7);
        WritableImage big = pattern(8192, 0);
        WritableImage bigB = pattern(8192, 7);
        for (boolean actual : new boolean[] {false, true}) {
            Sweep ref = sweep(small, smallB, actual);
            Sweep eight = sweep(big, bigB, actual);
            String at = actual ? "100 %" : "fit";
            out.printf(Locale.ROOT, "divider sweep at %-5s 1K pair: median %6.2f ms, p95 %6.2f ms (draw calls %.2f ms)%n",
                    at, ref.median(), ref.p95(), ref.drawMedian());
            out.printf(Locale.ROOT, "divider sweep at %-5s 8K pair: median %6.2f ms, p95 %6.2f ms (draw calls %.2f ms)"
                    + "  ratio 8K/1K %.2f  target <= 16 ms: %s%n", at, eight.median(), eight.p95(), eight.drawMedian(),
                    eight.median() / ref.median(), eight.p95() <= 16 ? "met" : "NOT met");
        }
        Path dir = Files.createTempDirectory("srstudio-bench");
        for (int side : new int[] {1024, 8192}) {
            Path file = dir.resolve("drop-" + side + ".png");
            ImageIO.write(DemoImages.scene(side, side), "png", file.toFile());
            long t0 = System.nanoTime();
            ImageIO.read(file.toFile());
            double decodeMs = (System.nanoTime() - t0) / 1e6;
            double firstPixel = dropToFirstPixel(dir.resolve("data-" + side), file);
            out.printf(Locale.ROOT, "drop-to-first-pixel %dx%d PNG: %7.1f ms (full ImageIO decode of the same file: "
                    + "%7.1f ms, ratio %.2f)  target < 300 ms: %s%n", side, side, firstPixel, decodeMs,
                    firstPixel / decodeMs, firstPixel < 300 ? "met" : "NOT met");
        }
    }

    private record Sweep(double median, double p95, double drawMedian) {
    }

    private static Sweep sweep(WritableImage a, WritableImage b, boolean actualSize) throws Exception {
        ViewportModel viewport = new ViewportModel();
        ImagePane pane = new ImagePane(viewport);
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(new StackPane(pane), 1600, 1000);
            StudioTheme.LIGHT.apply(scene);
            s.setScene(scene);
            viewport.setContentSize(a.getWidth(), a.getHeight());
            pane.imageAProperty().set(a);
            pane.imageBProperty().set(b);
            pane.labelAProperty().set("A");
            pane.labelBProperty().set("B");
            pane.splitProperty().set(true);
            s.show();
            return s;
        });
        Thread.sleep(500);
        if (actualSize) {
            onFx(() -> {
                viewport.actualSize();
                return null;
            });
        }
        long[] frames = new long[FRAMES];
        long[] draws = new long[FRAMES];
        CountDownLatch done = new CountDownLatch(1);
        onFx(() -> {
            new AnimationTimer() {
                private int i = -5; // warm-up frames
                private long last;

                @Override
                public void handle(long now) {
                    if (i >= 0 && i < FRAMES) {
                        frames[i] = now - last;
                        draws[i] = pane.lastDrawNanos();
                    }
                    last = now;
                    i++;
                    if (i >= FRAMES) {
                        stop();
                        done.countDown();
                        return;
                    }
                    // Sweep left to right and back, as a user drags.
                    double t = (i + 5) / (double) FRAMES;
                    pane.dividerProperty().set(0.1 + 0.8 * (t < 0.5 ? t * 2 : 2 - t * 2));
                }
            }.start();
            return null;
        });
        done.await(120, TimeUnit.SECONDS);
        onFx(() -> {
            stage.close();
            return null;
        });
        return new Sweep(percentile(frames, 0.5), percentile(frames, 0.95), percentile(draws, 0.5));
    }

    private static double dropToFirstPixel(Path data, Path file) throws Exception {
        Files.createDirectories(data);
        StudioServices services = new StudioServices(DemoModels.registry(data.resolve("models")),
                new DeviceJobExecutor("cpu", new ResamplingRunner(data.resolve("store"), 0)),
                new ResultStore(data.resolve("store")), new ImageDecoder(), data);
        StudioWindow window = onFx(() -> StudioWindow.open(new Stage(), services, VariantScorer.NONE, List.of()));
        Thread.sleep(1000);
        CompletableFuture<Long> firstPixel = new CompletableFuture<>();
        ImagePane pane = window.compareView().singlePane();
        long start = onFx(() -> {
            long drawsBefore = pane.drawCount();
            pane.imageAProperty().addListener((obs, o, img) -> {
                if (img != null && !firstPixel.isDone()) {
                    // The image is on screen once the next pulse has drawn it.
                    window.scene().addPostLayoutPulseListener(new Runnable() {
                        @Override
                        public void run() {
                            if (pane.drawCount() > drawsBefore) {
                                window.scene().removePostLayoutPulseListener(this);
                                firstPixel.complete(System.nanoTime());
                            }
                        }
                    });
                }
            });
            long t = System.nanoTime();
            window.viewModel().inputs().acceptDrop(DropInput.ofFiles(List.of(file)));
            return t;
        });
        long end = firstPixel.get(60, TimeUnit.SECONDS);
        onFx(() -> {
            window.close();
            window.scene().getWindow().hide();
            return null;
        });
        services.close();
        return (end - start) / 1e6;
    }

    private static WritableImage pattern(int side, int seed) {
        WritableImage img = new WritableImage(side, side);
        int[] row = new int[side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int v = ((x * 31 + y * 17 + seed * 13) ^ (x >> 3) ^ (y >> 4)) & 255;
                row[x] = 0xFF000000 | (v << 16) | (((x + seed) & 255) << 8) | (y & 255);
            }
            img.getPixelWriter().setPixels(0, y, side, 1, PixelFormat.getIntArgbInstance(), row, 0, side);
        }
        return img;
    }

    private static double percentile(long[] nanos, double q) {
        long[] sorted = Arrays.stream(nanos).filter(n -> n > 0).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    private static void startToolkit() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        FX.post(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

}
