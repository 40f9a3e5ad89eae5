package org.srstudio.ui.demo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.srstudio.core.StudioException;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.JobResult;
import org.srstudio.core.job.JobRunner;
import org.srstudio.core.job.UpscaleRequest;
import org.srstudio.core.store.Provenance;

/**
 * A stand-in job runner for the screenshot tool, the benchmark and UI tests while the real pipeline is built
 * elsewhere: it resamples with Java2D (model ids "demo-nearest", "demo-bilinear", "demo-bicubic"), reports
 * tile progress, honours cancellation, and writes the result as a PNG with honest provenance.
 */
public final class ResamplingRunner implements JobRunner {
    private final Path storeDir;
    private final long tileDelayMillis;
    private final AtomicLong counter = new AtomicLong();

    /** @param tileDelayMillis a pause per progress tile, to make jobs slow enough to watch or cancel */
    public ResamplingRunner(Path storeDir, long tileDelayMillis) {
        this.storeDir = storeDir;
        this.tileDelayMillis = tileDelayMillis;
    }

    @Override
    public JobResult run(UpscaleRequest request, JobContext context) throws StudioException, JobCancelledException {
        long start = System.nanoTime();
        BufferedImage input;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(request.input());
            input = ImageIO.read(request.input().toFile());
        } catch (IOException e) {
            throw new StudioException("Cannot read " + request.input().getFileName() + " (" + e.getMessage() + ").", e);
        }
        if (input == null) {
            throw new StudioException(request.input().getFileName() + " is not an image the demo runner can read.");
        }
        Object hint = switch (request.modelId()) {
            case "demo-nearest" -> RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR;
            case "demo-bilinear" -> RenderingHints.VALUE_INTERPOLATION_BILINEAR;
            case "demo-bicubic", "demo-prompted" -> RenderingHints.VALUE_INTERPOLATION_BICUBIC;
            default -> throw new StudioException("The demo runner has no model '" + request.modelId() + "'.");
        };
        int tiles = 4;
        for (int t = 1; t <= tiles; t++) {
            context.checkCancelled();
            sleep();
            context.progress(0, 0, t, tiles);
        }
        int w = input.getWidth() * request.scale();
        int h = input.getHeight() * request.scale();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
        g.drawImage(input, 0, 0, w, h, null);
        g.dispose();
        context.checkCancelled();
        try {
            Files.createDirectories(storeDir);
            String base = request.input().getFileName().toString().replaceAll("\\.[^.]+$", "");
            Path target = storeDir.resolve(base + "_" + request.modelId() + "_x" + request.scale() + "_"
                    + counter.incrementAndGet() + "_" + System.nanoTime() + ".png");
            ImageIO.write(out, "png", target.toFile());
            long runMillis = (System.nanoTime() - start) / 1_000_000;
            Provenance provenance = new Provenance(request.input().toString(), sha256(bytes), input.getWidth(),
                    input.getHeight(), request.modelId(), "demo", request.scale(), request.parameters(),
                    request.parameters().seed() == null ? 0 : request.parameters().seed(), "cpu (Java2D)", 0,
                    runMillis, Instant.now(), "SR Studio demo", Map.of());
            return new JobResult(target, java.util.Optional.empty(), provenance);
        } catch (IOException e) {
            throw new StudioException("Cannot write the result (" + e.getMessage() + ").", e);
        }
    }

    private void sleep() throws JobCancelledException {
        if (tileDelayMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(tileDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
