package org.srstudio.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import com.sun.javafx.perf.PerformanceTracker;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.srstudio.app.AotTraining;
import org.srstudio.core.FileTrees;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.job.DeviceJobExecutor;
import org.srstudio.core.store.ResultStore;
import org.srstudio.ui.StudioWindow;
import org.srstudio.ui.common.BackgroundWorkers;
import org.srstudio.ui.common.FxEventBridge;
import org.srstudio.ui.common.StudioTheme;
import org.srstudio.ui.compare.DisplayLevels;
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
 * next to the same sweep over a 1K × 1K pair; and, as the worst case for the pane, where every frame redraws all
 * of it, the same pair panned at 100 %;</li>
 * <li>drop-to-first-pixel: from {@code acceptDrop} to the compare view's first drawing of the new input on screen
 * (target &lt; 300 ms), next to a plain full ImageIO decode of the same file: the first drop of a session in
 * fresh JVMs (with the studio's warm-up, and without it as the reference), and later drops in one JVM.</li>
 * </ol>
 * A frame's time runs from the start of the pulse that moves the divider to the moment the renderer has put that
 * frame on screen (JavaFX's rendered-frame callback, {@link PerformanceTracker}, an internal API the toolkit's own
 * performance tests use): CSS, layout, the canvas commands, the render and the present. The next step waits for
 * that frame, so a frame's time is not hidden by the 60 Hz pulse cap nor blurred by overlap with the next one; the
 * sweep also counts how often an ancestor of the pane was laid out (it should be never) and the CPU time of the
 * FX and render threads per frame, which a loaded machine does not inflate the way it does wall time. First pixel is measured
 * the same way: the first rendered frame after the compare pane drew the dropped image. Needs a display, e.g.
 * xvfb-run; not a test.
 */
public final class UiBenchmark {
    private static final FxEventBridge FX = new FxEventBridge();
    private static final int FRAMES = 120;
    private static final int FIRST_DROP_FORKS = 5;
    private static final int LATER_DROPS = 5;
    private static final String FIRST_DROP = "--first-drop";

    private UiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // A benchmark's output is its product; it goes to the process's standard output stream.
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), java.nio.charset.StandardCharsets.UTF_8), true);
        if (args.length == 4 && args[0].equals(FIRST_DROP)) {
            startToolkit();
            Drop drop = dropToFirstPixel(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            out.printf(Locale.ROOT, "%.1f %.1f%n", drop.firstPixel(), drop.fullResolution());
        } else {
            run(out);
        }
        out.flush();
        Platform.exit();
    }

    public static void run(PrintWriter out) throws Exception {
        startToolkit();
        out.printf(Locale.ROOT, "UI benchmark (prism %s, %d frames per sweep, window 1600x1000)%n",
                System.getProperty("prism.order", "default"), FRAMES);
        drops(out);
        WritableImage small = pattern(1024, 0);
        WritableImage smallB = pattern(1024, 7);
        WritableImage big = pattern(8192, 0);
        WritableImage bigB = pattern(8192, 7);
        for (boolean actual : new boolean[] {false, true}) {
            Sweep ref = sweep(small, smallB, actual, false);
            Sweep eight = sweep(big, bigB, actual, false);
            String at = actual ? "100 %" : "fit";
            out.printf(Locale.ROOT, "divider sweep at %-5s 1K pair: %s%n", at, ref);
            out.printf(Locale.ROOT, "divider sweep at %-5s 8K pair: %s  ratio 8K/1K %.2f  target <= 16 ms: %s%n",
                    at, eight, eight.median() / ref.median(), eight.p95() <= 16 ? "met" : "NOT met");
        }
        Sweep panRef = sweep(small, smallB, true, true);
        Sweep pan = sweep(big, bigB, true, true);
        out.printf(Locale.ROOT, "pan at 100 %%, split,   1K pair: %s%n", panRef);
        out.printf(Locale.ROOT, "pan at 100 %%, split,   8K pair: %s  ratio 8K/1K %.2f%n", pan,
                pan.median() / panRef.median());
    }

    private static void drops(PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("srstudio-bench");
        // Java 25 can start from an ahead-of-time cache of the classes and method profiles a training run used;
        // ./srstudio makes one per build with AotTraining. The bench makes its own the same way, then measures
        // fresh JVMs with it, without it, and without it or the warm-up (the reference).
        Path cache = null;
        if (Runtime.version().feature() >= 25) {
            cache = dir.resolve("studio.aot");
            train(cache);
        } else {
            out.printf(Locale.ROOT, "first drop with the AOT cache: needs Java 25+, this is Java %d%n",
                    Runtime.version().feature());
        }
        // The first drop of a session also pays for whatever code on its path has not run yet, and a process has
        // only one first drop: it is measured in fresh JVMs, each opening the studio and dropping one file a
        // second after the window appears, as a user would. Later drops are measured here, after one of their own.
        for (int side : new int[] {1024, 8192}) {
            Path file = dir.resolve("drop-" + side + ".png");
            ImageIO.write(DemoImages.scene(side, side), "png", file.toFile());
            long t0 = System.nanoTime();
            ImageIO.read(file.toFile());
            double decodeMs = (System.nanoTime() - t0) / 1e6;
            List<Drop> cached = new ArrayList<>();
            List<Drop> first = new ArrayList<>();
            List<Drop> unwarmed = new ArrayList<>();
            for (int fork = 0; fork < FIRST_DROP_FORKS; fork++) {
                if (cache != null) {
                    cached.add(firstDropInFreshJvm(dir.resolve("aot-" + side + "-" + fork), file, side, true, cache));
                }
                first.add(firstDropInFreshJvm(dir.resolve("fork-" + side + "-" + fork), file, side, true, null));
                unwarmed.add(firstDropInFreshJvm(dir.resolve("cold-" + side + "-" + fork), file, side, false, null));
            }
            dropToFirstPixel(dir.resolve("warm-" + side), file, side);
            List<Drop> later = new ArrayList<>();
            for (int round = 0; round < LATER_DROPS; round++) {
                later.add(dropToFirstPixel(dir.resolve("later-" + side + "-" + round), file, side));
            }
            if (cache != null) {
                report(out, side, "first drop in a fresh JVM with the AOT cache (./srstudio on Java 25+), "
                        + FIRST_DROP_FORKS + " JVMs", cached, decodeMs);
            }
            report(out, side, "first drop in a fresh JVM without the AOT cache, " + FIRST_DROP_FORKS + " JVMs", first,
                    decodeMs);
            report(out, side, "first drop, no AOT cache and the warm-up turned off (reference)", unwarmed, decodeMs);
            report(out, side, "later drops, " + LATER_DROPS + " in one JVM", later, decodeMs);
        }
        FileTrees.delete(dir);
    }

    /** Runs the studio's AOT training in a new JVM, as ./srstudio does once per build, writing {@code cache}. */
    private static void train(Path cache) throws Exception {
        List<String> command = javaCommand();
        command.add("-XX:AOTCacheOutput=" + cache);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AotTraining.class.getName()));
        run(command, "The AOT training run");
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("The AOT training run wrote no cache to " + cache + ".");
        }
    }

    /** This JVM's java and options, less those of an AOT cache: each fork says itself whether it uses one. */
    private static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-XX:AOT")).forEach(command::add);
        return command;
    }

    private static String run(List<String> command, String what) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed: " + output.strip());
        }
        return output;
    }

    private static void report(PrintWriter out, int side, String which, List<Drop> drops, double decodeMs) {
        double[] first = drops.stream().mapToDouble(Drop::firstPixel).sorted().toArray();
        double[] full = drops.stream().mapToDouble(Drop::fullResolution).sorted().toArray();
        double median = first[first.length / 2];
        out.printf(Locale.ROOT, "drop-to-first-pixel %dx%d PNG, %s: median %7.1f ms (min %7.1f, max %7.1f; full ImageIO"
                        + " decode of the file %6.1f ms, ratio %.2f; full resolution on screen, median %7.1f ms)  target"
                        + " < 300 ms: %s%n", side, side, which, median, first[0], first[first.length - 1], decodeMs,
                median / decodeMs, full[full.length / 2], median < 300 ? "met" : "NOT met");
    }

    /**
     * Runs {@link #main} in a new JVM with this one's class path and options; it drops {@code file} once, with or
     * without the studio's warm-up of the drop path, and from {@code cache} when it is not null.
     */
    private static Drop firstDropInFreshJvm(Path data, Path file, int side, boolean warmup, Path cache)
            throws Exception {
        List<String> command = javaCommand();
        if (cache != null) {
            command.add("-XX:AOTCache=" + cache);
        }
        command.add("-Dsrstudio.firstDropWarmup=" + warmup);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), UiBenchmark.class.getName(),
                FIRST_DROP, data.toString(), file.toString(), Integer.toString(side)));
        String[] times = run(command, "The first-drop JVM").strip().split("\\s+");
        return new Drop(Double.parseDouble(times[times.length - 2]), Double.parseDouble(times[times.length - 1]));
    }

    private record Sweep(double median, double p95, double cpuMedian, double cpuP95, double drawMedian,
                         double stripsMedian, int ancestorLayouts) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "frame median %6.2f ms, p95 %6.2f ms; CPU median %6.2f ms, p95 %6.2f ms"
                    + " (draw calls %.2f ms, strips drawn %.0f, ancestor layouts %d)", median, p95, cpuMedian, cpuP95,
                    drawMedian, stripsMedian, ancestorLayouts);
        }
    }

    private record Drop(double firstPixel, double fullResolution) {
    }

    /** Moves the divider across the visible part of the pane, or pans the view, one step per frame. */
    private static Sweep sweep(WritableImage a, WritableImage b, boolean actualSize, boolean pan) throws Exception {
        ViewportModel viewport = new ViewportModel();
        BackgroundWorkers workers = new BackgroundWorkers(2);
        DisplayLevels levels = new DisplayLevels(workers, FX);
        ImagePane pane = new ImagePane(viewport, levels);
        LayoutCountingParent parent = new LayoutCountingParent(pane);
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(parent, 1600, 1000);
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
        if (actualSize) {
            onFx(() -> {
                viewport.actualSize();
                return null;
            });
        }
        // The levels of the zoomed-out pair are made once, in the background; a drag starts after that.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!actualSize && onFx(() -> levels.madeProperty().get()) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        long[] frames = new long[FRAMES];
        long[] cpu = new long[FRAMES];
        long[] draws = new long[FRAMES];
        long[] stripsDrawn = new long[FRAMES];
        // CPU time of the FX and render threads for each frame: what the frame costs, however loaded the machine.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] renderThread = new long[1];
        long[] fxCpuAtStart = new long[1];
        long[] renderCpuAtStart = {-1};
        int[] layoutsBefore = new int[1];
        CountDownLatch done = new CountDownLatch(1);
        PerformanceTracker tracker = onFx(() -> PerformanceTracker.getSceneTracker(stage.getScene()));
        // Written by the FX thread when a step starts, read by the render thread when its frame is on screen.
        long[] stepStart = new long[1];
        int[] step = {-5}; // warm-up frames
        Object lock = new Object();
        tracker.setOnRenderedFrameTask(() -> {
            long now = System.nanoTime();
            synchronized (lock) {
                if (stepStart[0] != 0) {
                    if (step[0] >= 0 && step[0] < FRAMES) {
                        frames[step[0]] = now - stepStart[0];
                        cpu[step[0]] = renderCpuAtStart[0] < 0 ? 0
                                : threads.getCurrentThreadCpuTime() - renderCpuAtStart[0];
                    }
                    renderThread[0] = Thread.currentThread().getId();
                    stepStart[0] = 0;
                    step[0]++;
                }
            }
        });
        onFx(() -> {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    int i;
                    synchronized (lock) {
                        if (stepStart[0] != 0) {
                            return; // the last step's frame is not on screen yet
                        }
                        i = step[0];
                        if (i > 0 && i <= FRAMES) {
                            draws[i - 1] = pane.lastDrawNanos();
                            stripsDrawn[i - 1] = pane.lastStripsDrawn();
                            cpu[i - 1] += threads.getCurrentThreadCpuTime() - fxCpuAtStart[0];
                        }
                        if (i == 0) {
                            layoutsBefore[0] = parent.layouts();
                        }
                        if (i >= FRAMES) {
                            stop();
                            done.countDown();
                            return;
                        }
                        stepStart[0] = System.nanoTime();
                        fxCpuAtStart[0] = threads.getCurrentThreadCpuTime();
                        renderCpuAtStart[0] = renderThread[0] == 0 ? -1 : threads.getThreadCpuTime(renderThread[0]);
                    }
                    // Sweep left to right and back across what is on screen, as a user drags.
                    double t = (i + 5) / (double) FRAMES;
                    double there = 0.1 + 0.8 * (t < 0.5 ? t * 2 : 2 - t * 2);
                    if (pan) {
                        viewport.panBy(t < 0.5 ? -12 : 12, t < 0.5 ? -6 : 6);
                    } else {
                        double screenX = pane.getWidth() * there;
                        double contentX = viewport.centerX() + (screenX - pane.getWidth() / 2) / viewport.zoom();
                        pane.dividerProperty().set(contentX / viewport.contentWidth());
                    }
                }
            }.start();
            return null;
        });
        done.await(120, TimeUnit.SECONDS);
        int layouts = onFx(() -> {
            tracker.setOnRenderedFrameTask(null);
            PerformanceTracker.releaseSceneTracker(stage.getScene());
            stage.close();
            return parent.layouts() - layoutsBefore[0];
        });
        workers.close();
        return new Sweep(percentile(frames, 0.5), percentile(frames, 0.95), percentile(cpu, 0.5), percentile(cpu, 0.95),
                percentile(draws, 0.5), percentile(stripsDrawn, 0.5) * 1e6, layouts);
    }

    private static Drop dropToFirstPixel(Path data, Path file, int side) throws Exception {
        Files.createDirectories(data);
        StudioServices services = new StudioServices(DemoModels.registry(data.resolve("models")),
                new DeviceJobExecutor("cpu", new ResamplingRunner(data.resolve("store"), 0)),
                new ResultStore(data.resolve("store")), new ImageDecoder(), data);
        StudioWindow window = onFx(() -> StudioWindow.open(new Stage(), services, VariantScorer.NONE, List.of()));
        Thread.sleep(1000);
        CompletableFuture<Long> firstPixel = new CompletableFuture<>();
        CompletableFuture<Long> fullResolution = new CompletableFuture<>();
        ImagePane pane = window.compareView().singlePane();
        FrameClock clock = onFx(() -> new FrameClock(window.scene()));
        long start = onFx(() -> {
            pane.imageAProperty().addListener((obs, o, img) -> {
                if (img != null) {
                    boolean full = img.getWidth() == side;
                    window.scene().addPostLayoutPulseListener(new Runnable() {
                        private final long drawsBefore = pane.drawCount();

                        @Override
                        public void run() {
                            if (pane.drawCount() > drawsBefore) {
                                window.scene().removePostLayoutPulseListener(this);
                                clock.frameOfThisPulse(pane::requestRedraw).thenAccept(t -> {
                                    firstPixel.complete(t);
                                    if (full) {
                                        fullResolution.complete(t);
                                    }
                                });
                            }
                        }
                    });
                }
            });
            long t = System.nanoTime();
            window.viewModel().inputs().acceptDrop(DropInput.ofFiles(List.of(file)));
            return t;
        });
        long first = firstPixel.get(60, TimeUnit.SECONDS);
        long full = fullResolution.get(60, TimeUnit.SECONDS);
        onFx(() -> {
            clock.close();
            window.close();
            window.scene().getWindow().hide();
            return null;
        });
        services.close();
        return new Drop((first - start) / 1e6, (full - start) / 1e6);
    }

    /**
     * When frames reach the screen, from the toolkit's rendered-frame callback. A pulse's frame is the first one
     * rendered after that pulse ended or the second after its layout, whichever comes first: when the layout ran
     * at most one earlier frame was still rendering, and every frame rendered after the pulse ended is its own or
     * later. So the time is never early, and late by a frame only when the renderer beat the end of the pulse
     * (a redraw is then requested so that a next frame comes).
     */
    private static final class FrameClock {
        private final Scene scene;
        private final PerformanceTracker tracker;
        private final List<Long> rendered = new ArrayList<>();
        private final List<Watch> watches = new ArrayList<>();

        private final class Watch {
            final int renderedAtLayout;
            final CompletableFuture<Long> onScreen = new CompletableFuture<>();
            long pulseEnded;

            Watch(int renderedAtLayout) {
                this.renderedAtLayout = renderedAtLayout;
            }

            boolean offer(int index, long at) {
                if (index >= renderedAtLayout + 1 || pulseEnded != 0 && at > pulseEnded) {
                    onScreen.complete(at);
                    return true;
                }
                return false;
            }
        }

        FrameClock(Scene scene) {
            this.scene = scene;
            this.tracker = PerformanceTracker.getSceneTracker(scene);
            tracker.setOnRenderedFrameTask(() -> {
                long now = System.nanoTime();
                synchronized (this) {
                    rendered.add(now);
                    int index = rendered.size() - 1;
                    watches.removeIf(w -> w.offer(index, now));
                }
            });
        }

        /** Call from a post-layout pulse listener; {@code poke} asks for another frame. */
        CompletableFuture<Long> frameOfThisPulse(Runnable poke) {
            Watch watch;
            synchronized (this) {
                watch = new Watch(rendered.size());
                watches.add(watch);
            }
            // postLatest always queues, so this runs after the pulse, when its frame has been handed to the renderer.
            FX.postLatest(watch, () -> {
                synchronized (this) {
                    watch.pulseEnded = System.nanoTime();
                }
                if (!watch.onScreen.isDone()) {
                    poke.run();
                }
            });
            return watch.onScreen;
        }

        void close() {
            tracker.setOnRenderedFrameTask(null);
            PerformanceTracker.releaseSceneTracker(scene);
        }
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
        return FX.call(action, Duration.ofSeconds(120));
    }

}
