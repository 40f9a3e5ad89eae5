package org.srstudio.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.model.ManifestReader;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelStatus;
import org.srstudio.engine.EngineDevice;
import org.srstudio.engine.GraphUpscaler;
import org.srstudio.engine.NcnnModelLoader;

/**
 * Measures memory for a very large upscale streamed in bands (default: 8192×8192 ×4 with realesrgan-x4fast): the
 * Java heap peak and the process's native peak RSS, after a given number of tile rows (the steady state repeats
 * per row), with the time per tile to extrapolate the whole run.
 * Usage: LargeUpscaleProbe MODELS_DIR [model-id] [side] [budget-MiB] [tile-rows]
 */
public final class LargeUpscaleProbe {
    private LargeUpscaleProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "models");
        String id = args.length > 1 ? args[1] : "realesrgan-x4fast";
        int side = args.length > 2 ? Integer.parseInt(args[2]) : 8192;
        long budget = (args.length > 3 ? Long.parseLong(args[3]) : 2048L) << 20;
        int tileRows = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Path folder = models.resolve(id);
        ModelEntry entry = new ModelEntry(ManifestReader.read(folder.resolve("model.json")), Optional.of(folder),
                ModelStatus.INSTALLED, "");
        FloatImage input = FloatImage.blank(side, side, 3);
        float[] d = input.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (0.5 + 0.4 * Math.sin(i * 0.001));
        }
        EngineDevice device = EngineDevice.cpu(2);
        try (GraphUpscaler upscaler = new GraphUpscaler(NcnnModelLoader.graph(entry), device, budget)) {
            int scale = upscaler.graph().scale();
            AtomicInteger tilesDone = new AtomicInteger();
            AtomicInteger tilesTotal = new AtomicInteger();
            AtomicInteger bands = new AtomicInteger();
            AtomicLong rowsOut = new AtomicLong();
            long t0 = System.nanoTime();
            JobContext ctx = new JobContext() {
                @Override
                public void checkCancelled() throws JobCancelledException {
                    if (bands.get() >= tileRows) {
                        throw new JobCancelledException();
                    }
                }

                @Override
                public void progress(int step, int steps, int tile, int tiles) {
                    tilesDone.set(tile);
                    tilesTotal.set(tiles);
                }

                @Override
                public void note(String key, String value) {
                    out.println("note " + key + ": " + value);
                }
            };
            try {
                upscaler.upscaleInBands(input, scale, ModelParameters.DEFAULTS, ctx, (y0, band) -> {
                    bands.incrementAndGet();
                    rowsOut.addAndGet(band.height());
                });
            } catch (JobCancelledException e) {
                out.println("stopped on purpose after " + tileRows + " tile row(s)");
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            long heapPeak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPeak += pool.getPeakUsage().getUsed();
                }
            }
            out.printf(Locale.ROOT, "%s %d×%d ×%d, budget %d MiB, %s%n", id, side, side, scale, budget >> 20, device.describe());
            out.printf(Locale.ROOT, "tiles done %d of %d, output rows %d of %d, %.1f s (%.2f s/tile, ≈%.0f s for all)%n",
                    tilesDone.get(), tilesTotal.get(), rowsOut.get(), (long) side * scale, secs,
                    secs / Math.max(1, tilesDone.get()), secs / Math.max(1, tilesDone.get()) * tilesTotal.get());
            out.printf(Locale.ROOT, "heap peak %.2f GiB (max %.2f GiB), native peak RSS (VmHWM) %s%n",
                    heapPeak / (double) (1L << 30), Runtime.getRuntime().maxMemory() / (double) (1L << 30), vmHwm());
        }
    }

    private static String vmHwm() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.2f GiB", kb / (double) (1L << 20));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }
}
