package org.srstudio.core.upscale;

import java.util.Objects;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;

/**
 * A classical resampler as an {@link Upscaler}: any integer scale 2 to 8, gray, RGB or a lone alpha plane, rows
 * split across {@code threads} workers. It reads no knobs.
 */
public final class ClassicalUpscaler implements Upscaler {
    public static final int MIN_SCALE = 2;
    public static final int MAX_SCALE = 8;

    private final ClassicalMethod method;
    private final int threads;

    public ClassicalUpscaler(ClassicalMethod method) {
        this(method, Runtime.getRuntime().availableProcessors());
    }

    public ClassicalUpscaler(ClassicalMethod method, int threads) {
        this.method = Objects.requireNonNull(method, "method");
        if (threads < 1) {
            throw new IllegalArgumentException("Threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    public ClassicalMethod method() {
        return method;
    }

    @Override
    public FloatImage upscale(FloatImage input, int scale, ModelParameters parameters, JobContext context)
            throws StudioException, JobCancelledException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(context, "context");
        if (scale < MIN_SCALE || scale > MAX_SCALE) {
            throw new StudioException("The " + method.id() + " upscaler takes a scale from " + MIN_SCALE + " to "
                    + MAX_SCALE + ", not " + scale + ".");
        }
        long outW = (long) input.width() * scale;
        long outH = (long) input.height() * scale;
        if (outW * outH * input.channels() > Integer.MAX_VALUE - 8) {
            throw new StudioException("A " + outW + " × " + outH + " result is too large to hold as one image; "
                    + "choose a smaller scale or a smaller input.");
        }
        context.note("device", device());
        if (method.kernel().isEmpty()) {
            return SeparableResampler.nearest(input, scale, threads, context);
        }
        return SeparableResampler.resize(input, (int) outW, (int) outH, method.kernel().get(), threads, context);
    }

    @Override
    public String device() {
        return "cpu (" + threads + (threads == 1 ? " thread)" : " threads)");
    }
}
