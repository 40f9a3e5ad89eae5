package org.srstudio.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.srstudio.core.Json;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.DecodedImage;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.image.ImageEncoder;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.JobResult;
import org.srstudio.core.job.JobRunner;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.job.UpscaleRequest;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelFamily;
import org.srstudio.core.model.ModelRegistry;
import org.srstudio.core.store.Provenance;
import org.srstudio.core.store.ResultStore;
import org.srstudio.core.store.StoredVariant;

/**
 * Runs one upscale request end to end: decode (with the pixel budget), run the model on the colour planes and,
 * separately, on alpha, keep the variant in the store, and write the user's file with its provenance embedded.
 * The last model used stays loaded, since reloading a neural network per image would dominate batch runs.
 */
public final class UpscalePipeline implements JobRunner, AutoCloseable {
    /** Alpha of diffusion results is resampled classically: a generative model would invent transparency. */
    private static final String ALPHA_FALLBACK_MODEL = "lanczos";
    private static final String APPLICATION = "SR Studio " + version();

    private final ModelRegistry registry;
    private final ImageDecoder decoder;
    private final ResultStore store;
    private final ImageEncoder encoder = new ImageEncoder();
    private final SecureRandom seeds = new SecureRandom();
    private final LoadedModels loaded;

    public UpscalePipeline(ModelRegistry registry, ImageDecoder decoder, ResultStore store) {
        this.registry = registry;
        this.decoder = decoder;
        this.store = store;
        this.loaded = new LoadedModels(registry);
    }

    @Override
    public JobResult run(UpscaleRequest request, JobContext context) throws StudioException, JobCancelledException {
        ModelEntry entry = registry.find(request.modelId()).orElseThrow(() -> new StudioException(
                "Unknown model '" + request.modelId() + "'; run 'srstudio models' to list the models."));
        if (!entry.manifest().scales().contains(request.scale())) {
            throw new StudioException("Model " + entry.id() + " upscales by " + scalesText(entry)
                    + ", not by " + request.scale() + ".");
        }
        DecodedImage image = decoder.decode(request.input());
        context.checkCancelled();
        long seed = request.parameters().seed() != null ? request.parameters().seed() : seeds.nextLong() & Long.MAX_VALUE;
        ModelParameters parameters = request.parameters().withSeed(seed);
        NotingContext noting = new NotingContext(context);

        long loadStart = System.nanoTime();
        var upscaler = loaded.get(entry.id());
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        long runStart = System.nanoTime();
        FloatImage color = upscaler.upscale(image.color(), request.scale(), parameters, noting);
        Optional<FloatImage> alpha = Optional.empty();
        if (image.alpha().isPresent()) {
            context.checkCancelled();
            var alphaUpscaler = alphaFollowsModel(entry) ? upscaler : loaded.auxiliary(ALPHA_FALLBACK_MODEL);
            alpha = Optional.of(alphaUpscaler.upscale(image.alpha().get(), request.scale(), parameters, JobContextViews.cancelOnly(context)));
        }
        long runMillis = (System.nanoTime() - runStart) / 1_000_000;
        context.checkCancelled();

        Provenance provenance = new Provenance(request.input().toAbsolutePath().toString(), sha256(request.input()),
                image.width(), image.height(), entry.id(), entry.manifest().version(), request.scale(), parameters,
                seed, upscaler.device(), loadMillis, runMillis, Instant.now(), APPLICATION, noting.notes());
        StoredVariant stored = store.store(color, alpha, image.bitDepth(), provenance);
        Optional<Path> written = Optional.empty();
        if (request.output().target() != null) {
            Path file = OutputNamer.resolve(request.output(), request.input(), entry.id(), request.scale(), seed);
            encoder.write(color, alpha, image.bitDepth(), file, OutputNamer.formatOf(file, request.output().format()),
                    ResultStore.metadataFor(toJson(provenance)));
            written = Optional.of(file);
        }
        return new JobResult(stored.image(), written, provenance);
    }

    private static boolean alphaFollowsModel(ModelEntry entry) {
        ModelFamily family = entry.manifest().family();
        return family == ModelFamily.CLASSICAL || family == ModelFamily.GAN;
    }

    private static String scalesText(ModelEntry entry) {
        var scales = entry.manifest().scales().stream().sorted().map(String::valueOf).toList();
        return scales.size() == 1 ? scales.get(0) + " only" : String.join(", ", scales);
    }

    static String sha256(Path file) throws StudioException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new StudioException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String toJson(Provenance provenance) throws StudioException {
        try {
            return Json.mapper().writeValueAsString(provenance);
        } catch (IOException e) {
            throw new StudioException("Cannot record the result's provenance: " + e.getMessage() + ".", e);
        }
    }

    private static String version() {
        String v = UpscalePipeline.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public void close() {
        loaded.close();
    }

    /** Collects the facts a model notes, for the provenance, while passing everything else through. */
    private static final class NotingContext implements JobContext {
        private final JobContext delegate;
        private final Map<String, String> notes = new LinkedHashMap<>();

        NotingContext(JobContext delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkCancelled() throws JobCancelledException {
            delegate.checkCancelled();
        }

        @Override
        public void progress(int step, int steps, int tile, int tiles) {
            delegate.progress(step, steps, tile, tiles);
        }

        @Override
        public void preview(FloatImage image) {
            delegate.preview(image);
        }

        @Override
        public void note(String key, String value) {
            notes.put(key, value);
            delegate.note(key, value);
        }

        Map<String, String> notes() {
            return Map.copyOf(notes);
        }
    }
}
