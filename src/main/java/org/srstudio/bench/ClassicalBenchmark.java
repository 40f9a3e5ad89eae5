package org.srstudio.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.BufferedImages;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.upscale.ClassicalMethod;
import org.srstudio.core.upscale.ClassicalUpscaler;

/**
 * Times the bicubic and Lanczos upscalers ×2 on a 3840 × 2160 RGB image against Java2D's bicubic
 * {@code drawImage} on the same image in the same run, so the ratio holds on whatever machine runs it.
 * One warm-up run each, then the median of {@link #RUNS}.
 */
public final class ClassicalBenchmark {
    static final int WIDTH = 3840;
    static final int HEIGHT = 2160;
    static final int SCALE = 2;
    static final int RUNS = 3;

    private ClassicalBenchmark() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        run(out);
        out.flush();
    }

    public static void run(PrintWriter out) {
        int threads = Runtime.getRuntime().availableProcessors();
        FloatImage input = testImage();
        BufferedImage awtInput = BufferedImages.toBufferedImage(input, java.util.Optional.empty(), 8);
        double outputMp = (double) WIDTH * SCALE * HEIGHT * SCALE / 1e6;
        out.printf(Locale.ROOT, "Classical upscalers: %d x %d RGB, x%d -> %d x %d (%.1f MP), %d threads, "
                        + "median of %d runs after 1 warm-up%n", WIDTH, HEIGHT, SCALE, WIDTH * SCALE, HEIGHT * SCALE,
                outputMp, threads, RUNS);
        out.flush();

        double java2d = median(() -> java2dBicubic(awtInput));
        double bicubic = median(() -> upscale(ClassicalMethod.BICUBIC, threads, input));
        double lanczos = median(() -> upscale(ClassicalMethod.LANCZOS, threads, input));
        double bicubicOneThread = threads > 1 ? median(() -> upscale(ClassicalMethod.BICUBIC, 1, input)) : bicubic;

        out.printf(Locale.ROOT, "%-34s %10s %12s %16s%n", "method", "time ms", "output MP/s", "speed vs Java2D");
        row(out, "Java2D drawImage BICUBIC (8-bit)", java2d, outputMp, java2d);
        row(out, "bicubic (float, " + threads + " threads)", bicubic, outputMp, java2d);
        row(out, "lanczos3 (float, " + threads + " threads)", lanczos, outputMp, java2d);
        if (threads > 1) {
            row(out, "bicubic (float, 1 thread)", bicubicOneThread, outputMp, java2d);
        }
        out.flush();
    }

    private static void row(PrintWriter out, String method, double ms, double outputMp, double referenceMs) {
        out.printf(Locale.ROOT, "%-34s %10.0f %12.1f %15.2fx%n", method, ms, outputMp / (ms / 1000.0),
                referenceMs / ms);
    }

    /** Smooth gradients plus noise, so neither side can skip work on flat areas. */
    static FloatImage testImage() {
        SplittableRandom random = new SplittableRandom(1234);
        float[] data = new float[WIDTH * HEIGHT * 3];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    float base = (float) (0.5 + 0.4 * Math.sin((x * (c + 1) + y * 0.7) / 97.0));
                    data[(c * HEIGHT + y) * WIDTH + x] = base + (float) (random.nextDouble() - 0.5) * 0.1f;
                }
            }
        }
        return new FloatImage(WIDTH, HEIGHT, 3, data);
    }

    private interface Timed {
        Object run() throws Exception;
    }

    private static double median(Timed task) {
        double[] ms = new double[RUNS];
        try {
            consume(task.run());
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                consume(task.run());
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        } catch (Exception e) {
            throw new IllegalStateException("Benchmark run failed: " + e.getMessage(), e);
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    private static int sink;

    private static void consume(Object result) {
        sink += System.identityHashCode(result);
    }

    private static FloatImage upscale(ClassicalMethod method, int threads, FloatImage input)
            throws StudioException, JobCancelledException {
        return new ClassicalUpscaler(method, threads).upscale(input, SCALE, ModelParameters.DEFAULTS, JobContext.NONE);
    }

    private static BufferedImage java2dBicubic(BufferedImage input) {
        BufferedImage out = new BufferedImage(input.getWidth() * SCALE, input.getHeight() * SCALE, input.getType());
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(input, 0, 0, out.getWidth(), out.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
