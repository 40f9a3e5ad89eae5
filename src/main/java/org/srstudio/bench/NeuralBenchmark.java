package org.srstudio.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.srstudio.core.FileTrees;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.model.ManifestReader;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelStatus;
import org.srstudio.engine.EngineDevice;
import org.srstudio.engine.GraphUpscaler;
import org.srstudio.engine.NcnnModelLoader;
import org.srstudio.engine.graph.Graph;

/**
 * Times the neural engine on the Real-ESRGAN models with 2 threads (median of 3 after a warm-up) next to the
 * PyTorch reference interpreter from ../shared/realesrgan-ref run in the same invocation, and prints the ratio
 * with ncnn's CPU timings as the goal. Not a test: numbers depend on the machine and its load.
 */
public final class NeuralBenchmark {
    private static final int THREADS = 2;
    private static final int RUNS = 3;
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Pattern MEDIAN = Pattern.compile("wall median ([0-9.]+)s.*cpu\\(user\\+sys\\) median ([0-9.]+)s");

    /** Wall-clock and process CPU seconds (the CPU figure is fairer on a machine shared with other work). */
    private record Timing(double wall, double cpu) {
    }

    private record Case(String modelId, String image, int size, double ncnnGoalSeconds) {
    }

    private static final List<Case> CASES = List.of(
            new Case("realesrgan-x4plus", "tiger_128.png", 128, 4.0),
            new Case("realesrgan-x4fast", "ost009_256.png", 256, 1.2));

    private NeuralBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "models");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(out, models);
        out.flush();
    }

    public static void run(PrintWriter out, Path modelsDir) throws StudioException, IOException, InterruptedException {
        Optional<Path> ref = referenceDir();
        if (ref.isEmpty()) {
            out.println("Reference column skipped: ../shared/realesrgan-ref is absent.");
        } else if (!Files.isExecutable(PYTHON) || !hasTorch()) {
            out.println("Reference column skipped: " + PYTHON + " with torch is absent.");
            ref = Optional.empty();
        }
        EngineDevice device = EngineDevice.cpu(THREADS);
        out.printf(Locale.ROOT, "SR Studio neural benchmark: %s, median of %d after one warm-up%n", device.describe(), RUNS);
        out.printf(Locale.ROOT, "%-18s %-9s %9s %12s %6s %9s %12s %6s %10s %8s%n", "model", "size", "ours wall",
                "PyTorch wall", "ratio", "ours cpu", "PyTorch cpu", "ratio", "ncnn goal", "vs goal");
        for (Case c : CASES) {
            Path folder = modelsDir.resolve(c.modelId());
            if (!Files.isRegularFile(folder.resolve("model.json"))) {
                out.println(c.modelId() + ": not installed (run tools/fetch-models.sh); skipped.");
                continue;
            }
            ModelEntry entry = new ModelEntry(ManifestReader.read(folder.resolve("model.json")), Optional.of(folder),
                    ModelStatus.INSTALLED, "");
            Graph graph = NcnnModelLoader.graph(entry);
            Path imagePath = ref.map(r -> r.resolve("crops").resolve(c.image())).filter(Files::isRegularFile).orElse(null);
            FloatImage image = imagePath != null ? read(imagePath) : synthetic(c.size());
            Timing ours;
            try (GraphUpscaler upscaler = new GraphUpscaler(graph, device, 16L << 30)) {
                ours = median(upscaler, image);
            }
            String[] cells = {"n/a", "n/a", "n/a", "n/a"};
            if (ref.isPresent() && imagePath != null) {
                Optional<Timing> theirs = reference(ref.get(), folder, entry, imagePath);
                if (theirs.isPresent()) {
                    cells[0] = String.format(Locale.ROOT, "%.3f", theirs.get().wall());
                    cells[1] = String.format(Locale.ROOT, "%.2f×", ours.wall() / theirs.get().wall());
                    cells[2] = String.format(Locale.ROOT, "%.3f", theirs.get().cpu());
                    cells[3] = String.format(Locale.ROOT, "%.2f×", ours.cpu() / theirs.get().cpu());
                }
            }
            out.printf(Locale.ROOT, "%-18s %-9s %9.3f %12s %6s %9.3f %12s %6s %9.1fs %7.2f×%n", c.modelId(),
                    image.width() + "→" + image.width() * graph.scale(), ours.wall(), cells[0], cells[1], ours.cpu(),
                    cells[2], cells[3], c.ncnnGoalSeconds(), ours.wall() / c.ncnnGoalSeconds());
            out.flush();
        }
        out.println("ratio = ours / the PyTorch reference measured in this run (wall clock, and process CPU time, which");
        out.println("is fairer when other work shares the cores); the target is ≤ 1.0×. vs goal = ours / ncnn's CPU time.");
    }

    private static Timing median(GraphUpscaler upscaler, FloatImage image) throws StudioException {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try {
            upscaler.upscale(image, upscaler.graph().scale(), ModelParameters.DEFAULTS, JobContext.NONE);
            double[] wall = new double[RUNS];
            double[] cpu = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                upscaler.upscale(image, upscaler.graph().scale(), ModelParameters.DEFAULTS, JobContext.NONE);
                wall[i] = (System.nanoTime() - t0) / 1e9;
                cpu[i] = (os.getProcessCpuTime() - c0) / 1e9;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            return new Timing(wall[RUNS / 2], cpu[RUNS / 2]);
        } catch (org.srstudio.core.job.JobCancelledException e) {
            throw new IllegalStateException("A never-cancelled job was cancelled", e);
        }
    }

    private static Optional<Timing> reference(Path refDir, Path folder, ModelEntry entry, Path image)
            throws IOException, InterruptedException {
        // the script writes its output beside the input, so give it a private copy of the image
        Path tmp = Files.createTempDirectory("srstudio-bench");
        try {
            Path copy = Files.copy(image, tmp.resolve(image.getFileName()));
            String param = entry.manifest().engine().get("param").asText();
            String bin = entry.manifest().engine().get("bin").asText();
            List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), refDir.resolve("ncnn_to_torch.py").toString(),
                    "--threads", Integer.toString(THREADS), "--runs", Integer.toString(RUNS),
                    folder.resolve(param).toString(), folder.resolve(bin).toString(), copy.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            StringBuilder text = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    text.append(line).append('\n');
                }
            }
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                return Optional.empty();
            }
            Matcher m = MEDIAN.matcher(text);
            return m.find() ? Optional.of(new Timing(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))))
                    : Optional.empty();
        } finally {
            FileTrees.delete(tmp);
        }
    }

    private static boolean hasTorch() {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Path> referenceDir() {
        Path root = Path.of(System.getProperty("srstudio.root", ".")).toAbsolutePath().normalize();
        Path ref = root.resolveSibling("shared").resolve("realesrgan-ref");
        return Files.isRegularFile(ref.resolve("ncnn_to_torch.py")) ? Optional.of(ref) : Optional.empty();
    }

    private static FloatImage read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        int w = img.getWidth();
        int h = img.getHeight();
        float[] d = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                d[y * w + x] = ((p >> 16) & 0xFF) / 255f;
                d[(h + y) * w + x] = ((p >> 8) & 0xFF) / 255f;
                d[(2 * h + y) * w + x] = (p & 0xFF) / 255f;
            }
        }
        return new FloatImage(w, h, 3, d);
    }

    private static FloatImage synthetic(int size) {
        float[] d = new float[3 * size * size];
        for (int i = 0; i < d.length; i++) {
            int x = i % size;
            int y = (i / size) % size;
            d[i] = (float) (0.5 + 0.5 * Math.sin(x * 0.13 + y * 0.07 + i / (size * size)));
        }
        return new FloatImage(size, size, 3, d);
    }
}
