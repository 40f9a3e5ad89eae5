package org.srstudio.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.srstudio.core.image.FloatImage;
import org.srstudio.iqa.BrisqueModel;
import org.srstudio.iqa.FrOptions;
import org.srstudio.iqa.Metric;
import org.srstudio.iqa.MetricResult;
import org.srstudio.iqa.MetricScorer;
import org.srstudio.iqa.params.IqaParameters;
import org.srstudio.iqa.params.NiqeModels;
import org.srstudio.iqa.params.BrisqueModels;
import org.srstudio.iqa.NiqeModel;

/**
 * NIQE, BRISQUE and PIQE wall time on a 1 MP and a 12 MP image, Java (on a 2-thread pool, as the scoring
 * service) next to the numpy reference {@code ../shared/iqa/reference/nr_ref.py} timed in the same run with
 * Debian's /usr/bin/python3. Not a test: run {@code main} (test classpath) and read the ratios.
 */
public final class IqaBenchmark {
    private static final List<Metric> METRICS = List.of(Metric.NIQE, Metric.BRISQUE, Metric.PIQE);
    private static final int[][] SIZES = {{1280, 800}, {4000, 3000}};

    private IqaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(out);
        out.flush();
    }

    public static void run(PrintWriter out) throws Exception {
        Path shared = Path.of(System.getProperty("srstudio.root", System.getProperty("srstudio.home", "."))).toAbsolutePath().normalize().resolveSibling("shared")
                .resolve("iqa");
        if (!Files.isDirectory(shared)) {
            out.println("IqaBenchmark: ../shared/iqa is absent; nothing measured.");
            return;
        }
        Path params = shared.resolve("params");
        NiqeModel niqe = NiqeModels.readCsv(params.resolve("niqe_live_mu_prisparam_1x36.csv"),
                params.resolve("niqe_live_cov_prisparam_36x36.csv"));
        BrisqueModel brisque = BrisqueModels.fromCsv(params.resolve("brisque_live_sv_774x36.csv"),
                params.resolve("brisque_live_sv_coef_774.csv"), params.resolve("brisque_live_feature_range_36x2.csv"),
                BrisqueModel.LIVE_GAMMA, BrisqueModel.LIVE_RHO);
        MetricScorer scorer = new MetricScorer(IqaParameters.of(niqe, brisque));
        Path tmp = Files.createTempDirectory("iqa-bench");
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            Map<String, FloatImage> images = new LinkedHashMap<>();
            for (int[] s : SIZES) {
                FloatImage img = synthetic(s[0], s[1], 42);
                String name = s[0] + "x" + s[1];
                images.put(name, img);
                ImageIO.write(toBuffered(img), "png", tmp.resolve(name + ".png").toFile());
            }
            out.printf(Locale.ROOT, "IQA benchmark, %d cores available, load average %s; Java on a 2-thread pool; "
                    + "times in ms (wall: best run; cpu: mean)%n", Runtime.getRuntime().availableProcessors(), loadAverage());
            Map<String, Double> java = new HashMap<>();
            Map<String, Double> javaScore = new HashMap<>();
            Map<String, Double> javaCpu = new HashMap<>();
            for (Map.Entry<String, FloatImage> e : images.entrySet()) {
                boolean large = e.getValue().pixels() > 4_000_000;
                int runs = large ? 3 : 10;
                // enough unmeasured runs for the JIT to finish compiling the hot loops
                int warmup = large ? 1 : 6;
                for (Metric m : METRICS) {
                    double best = Double.POSITIVE_INFINITY;
                    double sumCpu = 0;
                    double value = Double.NaN;
                    for (int r = 0; r < warmup + runs; r++) {
                        long c0 = processCpuNanos();
                        long t0 = System.nanoTime();
                        MetricResult res = pool.submit(() -> scorer.score(m, e.getValue(), null, FrOptions.defaults())).get();
                        double ms = (System.nanoTime() - t0) / 1e6;
                        double cpu = (processCpuNanos() - c0) / 1e6;
                        if (r >= warmup) {
                            best = Math.min(best, ms);
                            sumCpu += cpu;
                        }
                        value = res.value();
                    }
                    java.put(e.getKey() + "/" + m.id(), best);
                    // the process CPU clock ticks in 10 ms steps, so the mean says more than the minimum
                    javaCpu.put(e.getKey() + "/" + m.id(), sumCpu / runs);
                    javaScore.put(e.getKey() + "/" + m.id(), value);
                }
            }
            out.printf(Locale.ROOT, "load average after the Java runs: %s%n", loadAverage());
            Map<String, double[]> py = python(shared.resolve("reference"), tmp, images.keySet(), out);
            out.println("wall = elapsed; cpu = CPU time of the whole process (Java: all threads; numpy: process_time),"
                    + " so cpu/2 is what two idle cores would take at best; ratio = numpy / Java");
            out.printf(Locale.ROOT, "%-10s %-8s %9s %9s %10s %10s %8s %8s %12s %12s%n", "image", "metric", "java wall",
                    "java cpu", "numpy wall", "numpy cpu", "wall x", "cpu x", "java score", "numpy score");
            for (String img : images.keySet()) {
                double total = 0;
                double totalCpu = 0;
                for (Metric m : METRICS) {
                    String k = img + "/" + m.id();
                    double[] p = py.get(k);
                    double j = java.get(k);
                    double jc = javaCpu.get(k);
                    total += j;
                    totalCpu += jc;
                    out.printf(Locale.ROOT, "%-10s %-8s %9.1f %9.1f %10s %10s %8s %8s %12.4f %12s%n", img, m.id(), j, jc,
                            p == null ? "-" : String.format(Locale.ROOT, "%.1f", p[0]),
                            p == null ? "-" : String.format(Locale.ROOT, "%.1f", p[2]),
                            p == null ? "-" : String.format(Locale.ROOT, "%.1fx", p[0] / j),
                            p == null ? "-" : String.format(Locale.ROOT, "%.1fx", p[2] / jc), javaScore.get(k),
                            p == null ? "-" : String.format(Locale.ROOT, "%.4f", p[1]));
                }
                out.printf(Locale.ROOT, "%-10s %-8s %9.1f %9.1f   (cpu/2 = %.1f ms)%s%n", img, "all3", total, totalCpu,
                        totalCpu / 2, img.equals("1280x800") ? "; target: all three < 150 ms on 2 cores" : "");
            }
        } finally {
            pool.shutdown();
            try (var s = Files.list(tmp)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }

    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Times the numpy reference in one python process; returns ms and score per "image/metric". */
    private static Map<String, double[]> python(Path refDir, Path tmp, Iterable<String> names, PrintWriter out)
            throws IOException, InterruptedException {
        Map<String, double[]> res = new HashMap<>();
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            out.println("numpy reference skipped: /usr/bin/python3 is absent");
            return res;
        }
        String script = String.join("\n",
                "import sys, time, numpy as np",
                "from PIL import Image",
                "sys.path.insert(0, sys.argv[1])",
                "from nr_ref import y_yiq, niqe, brisque_features, brisque_score, piqe",
                "P = sys.argv[1] + '/../params/'",
                "load = lambda n: np.loadtxt(P + n, delimiter=',', comments='#')",
                "mu, cov = load('niqe_live_mu_prisparam_1x36.csv').ravel(), load('niqe_live_cov_prisparam_36x36.csv')",
                "coefs, svs = load('brisque_live_sv_coef_774.csv').ravel(), load('brisque_live_sv_774x36.csv')",
                "for name in sys.argv[3:]:",
                "    rgb = np.asarray(Image.open(sys.argv[2] + '/' + name + '.png').convert('RGB'))",
                "    runs = 1 if rgb.shape[0] * rgb.shape[1] > 4e6 else 2",
                "    fns = {'niqe': lambda y, y255: niqe(y255, mu, cov),",
                "           'brisque': lambda y, y255: brisque_score(brisque_features(y255), coefs, svs),",
                "           'piqe': lambda y, y255: piqe(y.astype(np.float64))}",
                "    for m, f in fns.items():",
                "        best = 1e30; cpu = 0",
                "        for r in range(runs):",
                "            t0 = time.perf_counter(); c0 = time.process_time()",
                "            y = y_yiq(rgb); y255 = np.round(y * np.float32(255)).astype(np.float64)",
                "            v = f(y, y255)",
                "            best = min(best, time.perf_counter() - t0); cpu += (time.process_time() - c0) / runs",
                "        print('%s/%s %.3f %.6f %.3f' % (name, m, best * 1000, v, cpu * 1000), flush=True)");
        List<String> cmd = new java.util.ArrayList<>(List.of(python.toString(), "-c", script, refDir.toString(), tmp.toString()));
        names.forEach(cmd::add);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            out.println("numpy reference failed: " + text.strip().lines().reduce((a, b) -> b).orElse(""));
            return res;
        }
        for (String line : text.split("\n")) {
            String[] t = line.trim().split(" ");
            if (t.length == 4) {
                res.put(t[0], new double[] {Double.parseDouble(t[1]), Double.parseDouble(t[2]), Double.parseDouble(t[3])});
            }
        }
        return res;
    }

    /** A photo-like synthetic image: smooth shapes, edges, texture and noise, quantised to 8 bits. */
    static FloatImage synthetic(int w, int h, long seed) {
        Random rnd = new Random(seed);
        float[] d = new float[3 * w * h];
        double[] phase = {rnd.nextDouble() * 6, rnd.nextDouble() * 6, rnd.nextDouble() * 6};
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 120 + 50 * Math.sin(x / 37.0 + phase[c]) * Math.cos(y / 53.0)
                            + ((x / 64 + y / 64) % 2 == 0 ? 25 : -25) + 12 * rnd.nextGaussian();
                    d[(c * h + y) * w + x] = (float) Math.max(0, Math.min(255, Math.round(v))) / 255f;
                }
            }
        }
        return new FloatImage(w, h, 3, d);
    }

    private static BufferedImage toBuffered(FloatImage img) {
        BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[img.width()];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int r = Math.round(img.get(0, x, y) * 255);
                int g = Math.round(img.get(1, x, y) * 255);
                int bl = Math.round(img.get(2, x, y) * 255);
                row[x] = r << 16 | g << 8 | bl;
            }
            b.setRGB(0, y, img.width(), 1, row, 0, img.width());
        }
        return b;
    }

}
