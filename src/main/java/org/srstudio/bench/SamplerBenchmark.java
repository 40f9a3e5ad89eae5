package org.srstudio.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.srstudio.core.Json;
import org.srstudio.core.diffusion.NoiseSource;
import org.srstudio.core.diffusion.Sampler;
import org.srstudio.core.diffusion.SamplerConfig;
import org.srstudio.core.diffusion.SamplerType;
import org.srstudio.core.diffusion.Samplers;

/**
 * Per-step overhead of each Java sampler on a 4×128×128 latent (one thread), next to the same diffusers scheduler
 * step timed in the same invocation by tools/fixtures/make_sampler_reference.py --timing (torch, one thread).
 * The diffusers folder comes from the first argument, -Dsrstudio.diffusers or $SRSTUDIO_DIFFUSERS (a folder on
 * sys.path holding an importable {@code diffusers}); without it the reference column is skipped with a message.
 * Not a test: run with the test classpath, e.g. {@code java -cp target/classes:target/test-classes:<deps>
 * org.srstudio.bench.SamplerBenchmark /path/to/diffusers-parent}.
 */
public final class SamplerBenchmark {
    private static final int ELEMENTS = 4 * 128 * 128;
    private static final int[] STEP_COUNTS = {20, 200};
    private static final int REPEATS = 5;

    private SamplerBenchmark() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(out, args.length > 0 ? args[0] : null);
        out.flush();
    }

    public static void run(PrintWriter out) {
        run(out, null);
    }

    public static void run(PrintWriter out, String diffusersPath) {
        String path = diffusersPath != null ? diffusersPath
                : System.getProperty("srstudio.diffusers", System.getenv("SRSTUDIO_DIFFUSERS"));
        Map<String, Double> reference = pythonReference(out, path);
        List<SamplerConfig> configs = List.of(
                SamplerConfig.stableDiffusion(SamplerType.DDPM).stepsOffset(1).clipSample(false).build(),
                SamplerConfig.stableDiffusion(SamplerType.DDIM).stepsOffset(1).clipSample(false).eta(1.0).build(),
                SamplerConfig.stableDiffusion(SamplerType.EULER).build(),
                SamplerConfig.stableDiffusion(SamplerType.DPMPP_2M).build(),
                SamplerConfig.builder(SamplerType.DDIM_LDM).eta(1.0).build());
        float[] x0 = NoiseSource.seeded(0).next(ELEMENTS);
        float[] eps = NoiseSource.seeded(1).next(ELEMENTS);
        for (int k = 0; k < eps.length; k++) {
            eps[k] *= 0.5f;
        }
        out.printf(Locale.ROOT, "Sampler step overhead, latent 4x128x128 (%d floats), best of %d runs, one thread%n", ELEMENTS, REPEATS);
        out.printf(Locale.ROOT, "%-10s %6s %14s %18s %8s%n", "sampler", "steps", "java us/step", "diffusers us/step", "ratio");
        for (SamplerConfig config : configs) {
            for (int steps : STEP_COUNTS) {
                double javaSeconds = timeJava(config, steps, x0, eps);
                Double ref = reference.get(config.type().jsonName() + "/" + steps);
                out.printf(Locale.ROOT, "%-10s %6d %14.1f %18s %8s%n", config.type().jsonName(), steps, javaSeconds * 1e6,
                        ref == null ? "-" : String.format(Locale.ROOT, "%.1f", ref * 1e6),
                        ref == null ? "-" : String.format(Locale.ROOT, "%.2f", javaSeconds / ref));
            }
        }
        double noiseSeconds = timeNoise();
        Double noiseRef = reference.get("noise/1");
        out.printf(Locale.ROOT, "%-10s %6s %14.1f %18s %8s%n", "noise", "-", noiseSeconds * 1e6,
                noiseRef == null ? "-" : String.format(Locale.ROOT, "%.1f", noiseRef * 1e6),
                noiseRef == null ? "-" : String.format(Locale.ROOT, "%.2f", noiseSeconds / noiseRef));
        out.println("noise = one latent of Gaussian draws (Java: SeededGaussianNoise; Python: torch.randn)");
        out.println("ratio = java / diffusers (below 1: Java is faster)");
    }

    private static double timeJava(SamplerConfig config, int steps, float[] x0, float[] eps) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < REPEATS + 2; r++) { // the first two runs (200 steps each) warm the JIT up
            Sampler sampler = Samplers.create(config, r < 2 ? 200 : steps);
            NoiseSource noise = NoiseSource.seeded(r);
            float[] x = x0;
            long start = System.nanoTime();
            for (int i = 0; i < sampler.steps(); i++) {
                sampler.scaleModelInput(x, i); // part of every real step (Euler divides here)
                x = sampler.step(eps, i, x, noise);
            }
            double perStep = (System.nanoTime() - start) / 1e9 / sampler.steps();
            if (r >= 2) {
                best = Math.min(best, perStep);
            }
            if (!Float.isFinite(x[0])) {
                throw new IllegalStateException("non-finite latent");
            }
        }
        return best;
    }

    private static double timeNoise() {
        float[] buf = new float[ELEMENTS];
        NoiseSource noise = NoiseSource.seeded(5);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < REPEATS + 2; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                noise.fill(buf);
            }
            double each = (System.nanoTime() - start) / 1e9 / 50;
            if (r >= 2) {
                best = Math.min(best, each);
            }
        }
        return best;
    }

    private static Map<String, Double> pythonReference(PrintWriter out, String diffusersPath) {
        Map<String, Double> result = new HashMap<>();
        Path script = Path.of("tools/fixtures/make_sampler_reference.py");
        Path python = Path.of("/usr/bin/python3");
        if (diffusersPath == null || !Files.isDirectory(Path.of(diffusersPath)) || !Files.isRegularFile(script)
                || !Files.isExecutable(python)) {
            out.println("diffusers reference skipped: give a diffusers folder (argument, -Dsrstudio.diffusers or "
                    + "SRSTUDIO_DIFFUSERS) and run from the repository root with /usr/bin/python3 and torch installed");
            return result;
        }
        try {
            Process p = new ProcessBuilder(python.toString(), script.toString(), "--diffusers", diffusersPath, "--timing",
                    "--repeats", String.valueOf(REPEATS)).redirectErrorStream(true).start();
            StringBuilder other = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("{")) {
                        JsonNode n = Json.mapper().readTree(line);
                        result.put(n.get("sampler").asText() + "/" + n.get("steps").asInt(), n.get("seconds_per_step").asDouble());
                    } else {
                        other.append(line).append('\n');
                    }
                }
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                out.println("diffusers reference failed: " + other.toString().strip());
            }
        } catch (IOException e) {
            out.println("diffusers reference skipped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }
}
