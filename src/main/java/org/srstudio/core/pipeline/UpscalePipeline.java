package org.srstudio.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.srstudio.core.AtomicFiles;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.DecodedImage;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.image.ImageEncoder;
import org.srstudio.core.image.StreamingPngWriter;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.JobResult;
import org.srstudio.core.job.JobRunner;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.job.OutputFormat;
import org.srstudio.core.job.UpscaleRequest;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelFamily;
import org.srstudio.core.model.ModelRegistry;
import org.srstudio.core.store.PendingVariant;
import org.srstudio.core.store.Provenance;
import org.srstudio.core.store.ResultStore;
import org.srstudio.core.store.StoredVariant;
import org.srstudio.core.upscale.BandUpscaler;
import org.srstudio.core.upscale.Upscaler;

/**
 * Runs one upscale request end to end: decode (with the pixel budget), run the model on the colour planes and,
 * separately, on alpha, keep the variant in the store, and write the user's file with its provenance embedded.
 * The last model used stays loaded, since reloading a neural network per image would dominate batch runs.
 */
public final class UpscalePipeline implements JobRunner, AutoCloseable {
    /** Alpha of diffusion results is resampled classically: a generative model would invent transparency. */
    private static final String ALPHA_FALLBACK_MODEL = "lanczos";
    private static final String APPLICATION = "SR Studio " + version();
    /**
     * Results above this many pixels are streamed to disk: as floats they would need over a gigabyte, and no
     * screen shows them whole anyway. The same figure as the decoder's default input budget.
     */
    public static final long STREAM_ABOVE_PIXELS = 100_000_000L;

    private final ModelRegistry registry;
    private final ImageDecoder decoder;
    private final ResultStore store;
    private final ImageEncoder encoder = new ImageEncoder();
    private final SecureRandom seeds = new SecureRandom();
    private final LoadedModels loaded;
    private final long streamAbovePixels;

    public UpscalePipeline(ModelRegistry registry, ImageDecoder decoder, ResultStore store) {
        this(registry, decoder, store, STREAM_ABOVE_PIXELS);
    }

    /** @param streamAbovePixels results with more pixels than this are written while they are made */
    public UpscalePipeline(ModelRegistry registry, ImageDecoder decoder, ResultStore store, long streamAbovePixels) {
        this.streamAbovePixels = streamAbovePixels;
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
        Optional<Path> file = Optional.ofNullable(request.output().target()).map(target ->
                OutputNamer.resolve(request.output(), request.input(), entry.id(), request.scale(), seed));
        NotingContext noting = new NotingContext(context);

        long loadStart = System.nanoTime();
        Upscaler upscaler = loaded.get(entry.id());
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        Run run = new Run(request, entry, image, parameters, upscaler, loadMillis, noting);
        long outPixels = (long) image.width() * request.scale() * image.height() * request.scale();
        if (outPixels > streamAbovePixels) {
            return runStreamed(run, file);
        }
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

        Provenance provenance = run.provenance(runMillis);
        StoredVariant stored = store.store(color, alpha, image.bitDepth(), provenance);
        if (file.isPresent()) {
            encoder.write(color, alpha, image.bitDepth(), file.get(),
                    OutputNamer.formatOf(file.get(), request.output().format()),
                    ResultStore.metadataFor(ResultStore.toJson(provenance)));
        }
        return new JobResult(stored.image(), file, provenance);
    }

    /**
     * A result too large to hold is written row by row into the store while the model makes it, then copied to the
     * user's file: only one band of tiles is ever in memory.
     */
    private JobResult runStreamed(Run run, Optional<Path> file) throws StudioException, JobCancelledException {
        int scale = run.request.scale();
        DecodedImage image = run.image;
        String size = "The ×" + scale + " result of a " + image.width() + "×" + image.height() + " image";
        if (!(run.upscaler instanceof BandUpscaler bands)) {
            throw new StudioException(size + " is too large to hold in memory, and model " + run.entry.id()
                    + " cannot write it piece by piece; upscale a smaller image or crop it first.");
        }
        if (image.alpha().isPresent()) {
            throw new StudioException(size + " with transparency is too large to hold in memory; remove the"
                    + " alpha channel or crop the image first.");
        }
        if (file.isPresent() && OutputNamer.formatOf(file.get(), run.request.output().format()) != OutputFormat.PNG) {
            throw new StudioException(size + " is too large for anything but PNG; choose the PNG format.");
        }
        int width = image.width() * scale;
        int height = image.height() * scale;
        int channels = image.color().channels();
        PendingVariant pending = store.reserve(run.provenance(0));
        StreamingPngWriter[] writer = new StreamingPngWriter[1];
        try {
            writer[0] = StreamingPngWriter.open(pending.image(), width, height, channels, image.bitDepth());
            long runStart = System.nanoTime();
            bands.upscaleInBands(image.color(), scale, run.parameters, run.noting, (y0, band) -> {
                if (y0 == 0 && writer[0].rows() > 0) {
                    // the model started over with smaller tiles: so does the file
                    writer[0].close();
                    writer[0] = StreamingPngWriter.open(pending.image(), width, height, channels, image.bitDepth());
                }
                writer[0].write(band);
            });
            Provenance provenance = run.provenance((System.nanoTime() - runStart) / 1_000_000);
            writer[0].finish(ResultStore.metadataFor(ResultStore.toJson(provenance)));
            StoredVariant stored = store.commit(pending, provenance);
            if (file.isPresent()) {
                copyInPlace(stored.image(), file.get());
            }
            return new JobResult(stored.image(), file, provenance);
        } catch (StudioException | JobCancelledException | RuntimeException e) {
            store.abandon(pending);
            throw e;
        } finally {
            if (writer[0] != null) {
                writer[0].close();
            }
        }
    }

    /** Copies through a temporary sibling, so the target is either absent or whole. */
    private static void copyInPlace(Path from, Path to) throws StudioException {
        try {
            AtomicFiles.write(to, temp -> Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING));
        } catch (IOException e) {
            throw new StudioException("Cannot write " + to.toAbsolutePath() + ": " + e.getMessage() + ".", e);
        }
    }

    /** What one request has gathered by the time its model runs. */
    private record Run(UpscaleRequest request, ModelEntry entry, DecodedImage image, ModelParameters parameters,
                       Upscaler upscaler, long loadMillis, NotingContext noting) {
        Provenance provenance(long runMillis) throws StudioException {
            return new Provenance(request.input().toAbsolutePath().toString(), sha256(request.input()),
                    image.width(), image.height(), entry.id(), entry.manifest().version(), request.scale(),
                    parameters, parameters.seed(), upscaler.device(), loadMillis, runMillis, Instant.now(),
                    APPLICATION, noting.notes());
        }
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
