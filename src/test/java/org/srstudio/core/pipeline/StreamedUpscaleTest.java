package org.srstudio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.Json;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.DecodedImage;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.image.ImageEncoder;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.JobResult;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.job.OutputFormat;
import org.srstudio.core.job.OutputSettings;
import org.srstudio.core.job.UpscaleRequest;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelFamily;
import org.srstudio.core.model.ModelLoader;
import org.srstudio.core.model.ModelManifest;
import org.srstudio.core.model.ModelRegistry;
import org.srstudio.core.store.Provenance;
import org.srstudio.core.store.ResultStore;
import org.srstudio.core.upscale.BandSink;
import org.srstudio.core.upscale.BandUpscaler;
import org.srstudio.core.upscale.ClassicalMethod;
import org.srstudio.core.upscale.ClassicalUpscaler;
import org.srstudio.core.upscale.Upscaler;

/** Results above the pipeline's in-memory limit are written band by band while the model makes them. */
class StreamedUpscaleTest {
    private static final int BAND_ROWS = 5;

    @TempDir
    Path dir;

    /** What the fake banded model does besides bicubic upscaling. */
    private enum Twist { NONE, RESTART_AFTER_FIRST_BAND, FAIL_AFTER_FIRST_BAND, CANCEL_AFTER_FIRST_BAND }

    /** Bicubic made in 5-row bands, optionally starting over, failing or being cancelled midway. */
    private record BandedBicubic(Twist twist) implements BandUpscaler {
        @Override
        public FloatImage upscale(FloatImage input, int scale, ModelParameters parameters, JobContext context)
                throws StudioException, JobCancelledException {
            return new ClassicalUpscaler(ClassicalMethod.BICUBIC, 1).upscale(input, scale, parameters, context);
        }

        @Override
        public void upscaleInBands(FloatImage input, int scale, ModelParameters parameters, JobContext context,
                                   BandSink sink) throws StudioException, JobCancelledException {
            FloatImage whole = upscale(input, scale, parameters, context);
            boolean restarted = false;
            for (int y = 0; y < whole.height(); y += BAND_ROWS) {
                sink.accept(y, rows(whole, y, Math.min(BAND_ROWS, whole.height() - y)));
                if (y == 0 && twist == Twist.FAIL_AFTER_FIRST_BAND) {
                    throw new StudioException("The model failed halfway.");
                }
                if (y == 0 && twist == Twist.CANCEL_AFTER_FIRST_BAND) {
                    throw new JobCancelledException();
                }
                if (y == 0 && twist == Twist.RESTART_AFTER_FIRST_BAND && !restarted) {
                    restarted = true;
                    // a band of garbage, then the whole image again from the top, as after a tile retry
                    y = -BAND_ROWS;
                    sink.accept(BAND_ROWS, FloatImage.blank(whole.width(), BAND_ROWS, whole.channels()));
                }
            }
        }

        private static FloatImage rows(FloatImage image, int y0, int n) {
            return image.crop(0, y0, image.width(), n);
        }
    }

    private UpscalePipeline pipeline(Twist twist, long streamAbove) {
        ModelManifest manifest = new ModelManifest("banded", "Banded bicubic", "1", ModelFamily.GAN, "test-bands",
                List.of(3), "fast", Map.of(), "Apache-2.0", "test", null, List.of(), null, null);
        ModelLoader loader = new ModelLoader() {
            @Override
            public boolean supports(ModelManifest m) {
                return m.format().equals("test-bands");
            }

            @Override
            public Upscaler load(ModelEntry entry) {
                return new BandedBicubic(twist);
            }
        };
        var registry = new ModelRegistry(dir.resolve("models"), List.of(loader), List.of(manifest), List.of());
        return new UpscalePipeline(registry, new ImageDecoder(), new ResultStore(dir.resolve("store")), streamAbove);
    }

    private Path input(int channels, int bitDepth) throws StudioException {
        FloatImage img = FloatImage.blank(13, 11, channels);
        float[] d = img.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (0.5 + 0.45 * Math.sin(i * 0.37));
        }
        Path file = dir.resolve("in-" + channels + "-" + bitDepth + ".png");
        new ImageEncoder().write(img, Optional.empty(), bitDepth, file, OutputFormat.PNG, Map.of());
        return file;
    }

    private JobResult run(UpscalePipeline pipeline, Path input, String folder) throws Exception {
        return pipeline.run(new UpscaleRequest(input, "banded", 3, ModelParameters.DEFAULTS.withSeed(7L),
                OutputSettings.toFolder(dir.resolve(folder))), JobContext.NONE);
    }

    private static void assertSamePixels(DecodedImage a, DecodedImage b) {
        assertThat(a.width()).isEqualTo(b.width());
        assertThat(a.height()).isEqualTo(b.height());
        assertThat(a.bitDepth()).isEqualTo(b.bitDepth());
        assertThat(a.color().data()).containsExactly(b.color().data());
    }

    @Test
    void streamedResultHasTheSamePixelsAsTheInMemoryOne() throws Exception {
        for (int[] kind : new int[][] {{3, 8}, {1, 8}, {3, 16}, {1, 16}}) {
            Path in = input(kind[0], kind[1]);
            JobResult held = run(pipeline(Twist.NONE, Long.MAX_VALUE), in, "held");
            JobResult streamed = run(pipeline(Twist.NONE, 0), in, "streamed");

            ImageDecoder decoder = new ImageDecoder();
            DecodedImage expected = decoder.decode(held.writtenFile().orElseThrow());
            assertSamePixels(decoder.decode(streamed.writtenFile().orElseThrow()), expected);
            assertSamePixels(decoder.decode(streamed.storedImage()), expected);
        }
    }

    @Test
    void streamedResultCarriesItsProvenanceAfterThePixels() throws Exception {
        JobResult streamed = run(pipeline(Twist.NONE, 0), input(3, 8), "streamed");

        DecodedImage out = new ImageDecoder().decode(streamed.writtenFile().orElseThrow());
        String json = out.metadata().get(ResultStore.PROVENANCE_KEY);
        Provenance provenance = Json.mapper().readValue(json, Provenance.class);
        assertThat(provenance.modelId()).isEqualTo("banded");
        assertThat(provenance.seed()).isEqualTo(7L);
        assertThat(Files.readString(streamed.storedImage().resolveSibling(
                streamed.storedImage().getFileName().toString().replace(".png", ".json")))).isEqualTo(json);
    }

    @Test
    void modelStartingOverRewritesTheFileFromTheTop() throws Exception {
        Path in = input(3, 8);
        JobResult held = run(pipeline(Twist.NONE, Long.MAX_VALUE), in, "held");
        JobResult streamed = run(pipeline(Twist.RESTART_AFTER_FIRST_BAND, 0), in, "streamed");

        ImageDecoder decoder = new ImageDecoder();
        assertSamePixels(decoder.decode(streamed.writtenFile().orElseThrow()),
                decoder.decode(held.writtenFile().orElseThrow()));
        assertThat(files(dir.resolve("store"))).filteredOn(p -> p.toString().endsWith(".tmp")).isEmpty();
    }

    @Test
    void failureOrCancelHalfwayLeavesNoFileAnywhere() throws Exception {
        Path in = input(3, 8);
        assertThatThrownBy(() -> run(pipeline(Twist.FAIL_AFTER_FIRST_BAND, 0), in, "out"))
                .isInstanceOf(StudioException.class).hasMessage("The model failed halfway.");
        assertThatThrownBy(() -> run(pipeline(Twist.CANCEL_AFTER_FIRST_BAND, 0), in, "out"))
                .isInstanceOf(JobCancelledException.class);

        assertThat(files(dir.resolve("store"))).isEmpty();
        assertThat(files(dir.resolve("out"))).isEmpty();
    }

    @Test
    void tooLargeResultInAnotherFormatIsRefusedBeforeRunning() throws Exception {
        Path in = input(3, 8);
        UpscaleRequest jpeg = new UpscaleRequest(in, "banded", 3, ModelParameters.DEFAULTS,
                new OutputSettings(dir.resolve("out"), OutputSettings.DEFAULT_TEMPLATE, OutputFormat.JPEG));

        assertThatThrownBy(() -> pipeline(Twist.NONE, 0).run(jpeg, JobContext.NONE))
                .isInstanceOf(StudioException.class)
                .hasMessage("The ×3 result of a 13×11 image is too large for anything but PNG; choose the PNG format.");
        assertThat(files(dir.resolve("store"))).isEmpty();
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
