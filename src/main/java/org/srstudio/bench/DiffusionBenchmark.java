package org.srstudio.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.srstudio.core.Json;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.ColorFix;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.model.ManifestReader;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelStatus;
import org.srstudio.engine.diffusion.DiffusionModelLoader;
import org.srstudio.engine.diffusion.DiffusionUpscaler;

/**
 * The diffusion loop's own overhead per step: wall time minus the time spent inside TorchScript forward calls,
 * divided by the steps, on the XPSR-like fixture (DDPM, batched guidance, 4 latent tiles, runtime prompts) at 20
 * and 200 steps. The reference is the Python loop of tools/fixtures/make_diffusion_fixtures.py over the same
 * module files, run in the same invocation and measured like for like: the same per-image scope (both keep the
 * manifest, modules, constants, schedule and prompt embeddings per loaded model and redo everything else per image),
 * one intra-op thread and the graph executor's optimising passes off on both sides, and the same protocol (warm-up
 * images at the largest step count, one more at each count, then the best of {@link #runs} images). Runs from the repository
 * root (it needs the fixture folder and Debian's python3 with torch); otherwise it says what is missing.
 */
public final class DiffusionBenchmark {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/diffusion/xpsr-like");
    static final Path SCRIPT = Path.of("tools/fixtures/make_diffusion_fixtures.py");
    static final String PYTHON = "/usr/bin/python3";
    static final int[] STEPS = {20, 200};
    /** Steps timed per step count: short runs get more repeats, so one preempted image does not decide their best. */
    static final int STEPS_PER_COUNT = 1000;
    static final int WARMUPS = 2;

    private DiffusionBenchmark() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        run(out);
        out.flush();
    }

    public static void run(PrintWriter out) {
        if (!Files.isRegularFile(FIXTURE.resolve("model.json"))) {
            out.println("Diffusion benchmark skipped: run it from the repository root (needs " + FIXTURE + ").");
            return;
        }
        // One intra-op thread on both sides: idle OpenMP workers spinning after each forward would otherwise steal the
        // cores the loop itself runs on, and Python's timing mode pins one thread too.
        if (System.getProperty(org.srstudio.engine.EngineDevice.THREADS_PROPERTY) == null) {
            System.setProperty(org.srstudio.engine.EngineDevice.THREADS_PROPERTY, "1");
        }
        out.printf(Locale.ROOT, "Diffusion loop overhead per step (wall minus TorchScript forward time), xpsr-like fixture "
                + "(DDPM, batched guidance, 2x2 latent tiles), best image of %s after warm-up images%n",
                Arrays.stream(STEPS).mapToObj(n -> runs(n) + " at " + n + " steps").collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "%-7s %16s %18s %10s%n", "steps", "Java ms/step", "Python ms/step", "Java/Py");
        out.flush();
        double[] java = new double[STEPS.length];
        double[] py = new double[STEPS.length];
        try (DiffusionUpscaler up = (DiffusionUpscaler) new DiffusionModelLoader().load(
                new ModelEntry(ManifestReader.read(FIXTURE.resolve("model.json")), Optional.of(FIXTURE), ModelStatus.INSTALLED, ""))) {
            out.println("Java on " + up.device() + "; Python: torch, 1 thread, the same module files; graph optimiser off on both sides");
            JsonNode ref = Json.mapper().readTree(FIXTURE.resolve("reference.json").toFile());
            JsonNode shape = ref.get("input_shape");
            FloatImage input = new FloatImage(shape.get(2).asInt(), shape.get(1).asInt(), 3, floats(FIXTURE.resolve("input.f32")));
            JsonNode p = ref.get("params");
            // Warm the JIT and libtorch on the longest run first, so the short runs are not measured cold.
            for (int r = 0; r < WARMUPS; r++) {
                up.upscale(input, p.get("scale").asInt(), parameters(p, STEPS[STEPS.length - 1]), JobContext.NONE);
            }
            for (int s = 0; s < STEPS.length; s++) {
                ModelParameters params = parameters(p, STEPS[s]);
                double best = Double.MAX_VALUE;
                for (int r = 0; r < 1 + runs(STEPS[s]); r++) {
                    up.resetTimers();
                    long t0 = System.nanoTime();
                    up.upscale(input, p.get("scale").asInt(), params, JobContext.NONE);
                    long wall = System.nanoTime() - t0;
                    if (r >= 1) { // one more warm-up at this step count
                        best = Math.min(best, (wall - up.forwardNanos()) / 1e6 / STEPS[s]);
                    }
                }
                java[s] = best;
            }
        } catch (Exception e) {
            out.println("Diffusion benchmark failed: " + e.getMessage());
            return;
        }
        double[] ref = python(out);
        for (int s = 0; s < STEPS.length; s++) {
            py[s] = ref == null ? Double.NaN : ref[s];
            out.printf(Locale.ROOT, "%-7d %16.3f %18s %10s%n", STEPS[s], java[s], fmt(py[s], "%.3f"), fmt(java[s] / py[s], "%.2f"));
        }
        // Fixed per-image work (resizing, VAE, colour fix) cancels out between the two step counts.
        int a = STEPS[0];
        int b = STEPS[STEPS.length - 1];
        double javaMarginal = (java[STEPS.length - 1] * b - java[0] * a) / (b - a);
        double pyMarginal = (py[STEPS.length - 1] * b - py[0] * a) / (b - a);
        out.printf(Locale.ROOT, "%-7s %16.3f %18s %10s%n", "marginal", javaMarginal, fmt(pyMarginal, "%.3f"), fmt(javaMarginal / pyMarginal, "%.2f"));
        out.println("Target: at most 1 ms per step and below Python's.");
    }

    /** Python's overhead per step for each of {@link #STEPS}, or null when it cannot run. */
    private static double[] python(PrintWriter out) {
        if (!Files.isExecutable(Path.of(PYTHON)) || !Files.isRegularFile(SCRIPT)) {
            out.println("(Python reference skipped: needs " + PYTHON + " with torch and " + SCRIPT + ")");
            return null;
        }
        try {
            String counts = Arrays.stream(STEPS).mapToObj(Integer::toString).collect(Collectors.joining(","));
            Process proc = new ProcessBuilder(PYTHON, SCRIPT.toString(), "--time", FIXTURE.toString(), "--steps", counts,
                    "--warmups", Integer.toString(WARMUPS), "--runs", Arrays.stream(STEPS).mapToObj(n -> Integer.toString(runs(n)))
                            .collect(Collectors.joining(","))).redirectErrorStream(false).start();
            proc.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
            String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!proc.waitFor(10, TimeUnit.MINUTES) || proc.exitValue() != 0) {
                out.println("(Python reference failed with exit code " + proc.exitValue() + ")");
                return null;
            }
            double[] perStep = new double[STEPS.length];
            Arrays.fill(perStep, Double.NaN);
            for (String line : text.strip().split("\n")) {
                JsonNode row = Json.mapper().readTree(line);
                for (int s = 0; s < STEPS.length; s++) {
                    if (row.path("steps").asInt() == STEPS[s]) {
                        perStep[s] = row.get("overhead_ms_per_step").asDouble();
                    }
                }
            }
            return perStep;
        } catch (IOException e) {
            out.println("(Python reference could not start: " + e.getMessage() + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Timed images at {@code steps} steps (after one warm-up image at that count), at least 5. */
    static int runs(int steps) {
        return Math.max(5, STEPS_PER_COUNT / steps);
    }

    private static ModelParameters parameters(JsonNode p, int steps) {
        return new ModelParameters(p.get("prompt").asText(), p.get("negative_prompt").asText(), p.get("guidance").asDouble(), steps, 1L, 0,
                ColorFix.ADAIN, p.get("low_prompt").asText());
    }

    private static String fmt(double v, String pattern) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, pattern, v);
    }

    private static float[] floats(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        float[] v = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
