package org.srstudio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.srstudio.core.model.ModelRegistry;
import org.srstudio.core.store.ResultStore;
import org.srstudio.core.upscale.ClassicalModels;

class UpscalePipelineTest {
    @TempDir
    Path dir;
    private UpscalePipeline pipeline;
    private ResultStore store;

    @BeforeEach
    void pipeline() {
        var registry = new ModelRegistry(dir.resolve("models"), List.of(ClassicalModels.loader()),
                ClassicalModels.manifests(), List.of());
        store = new ResultStore(dir.resolve("results"));
        pipeline = new UpscalePipeline(registry, new ImageDecoder(), store);
    }

    private Path write(FloatImage color, Optional<FloatImage> alpha, int bitDepth) throws StudioException {
        Path file = dir.resolve("in.png");
        new ImageEncoder().write(color, alpha, bitDepth, file, OutputFormat.PNG, Map.of());
        return file;
    }

    private static FloatImage ramp(int w, int h, int channels) {
        FloatImage img = FloatImage.blank(w, h, channels);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    img.set(c, x, y, (x + y * w + c * 7) / (float) (w * h + 14));
                }
            }
        }
        return img;
    }

    private JobResult run(Path input, String model, int scale) throws Exception {
        return pipeline.run(new UpscaleRequest(input, model, scale, ModelParameters.DEFAULTS,
                OutputSettings.toFolder(dir.resolve("out"))), JobContext.NONE);
    }

    @Test
    void alphaIsUpscaledSeparatelyAndRecombined() throws Exception {
        FloatImage alpha = FloatImage.blank(6, 4, 1);
        for (int x = 3; x < 6; x++) {
            for (int y = 0; y < 4; y++) {
                alpha.set(0, x, y, 1f);
            }
        }
        JobResult result = run(write(ramp(6, 4, 3), Optional.of(alpha), 8), "nearest", 2);

        DecodedImage out = new ImageDecoder().decode(result.writtenFile().orElseThrow());
        assertThat(out.width()).isEqualTo(12);
        assertThat(out.alpha()).isPresent();
        assertThat(out.alpha().get().get(0, 0, 0)).isZero();
        assertThat(out.alpha().get().get(0, 11, 7)).isEqualTo(1f);
    }

    @Test
    void sixteenBitGrayStaysSixteenBitGray() throws Exception {
        JobResult result = run(write(ramp(5, 5, 1), Optional.empty(), 16), "bicubic", 3);

        DecodedImage out = new ImageDecoder().decode(result.writtenFile().orElseThrow());
        assertThat(out.bitDepth()).isEqualTo(16);
        assertThat(out.color().channels()).isEqualTo(1);
        assertThat(out.width()).isEqualTo(15);
        DecodedImage stored = new ImageDecoder().decode(result.storedImage());
        assertThat(stored.bitDepth()).isEqualTo(16);
    }

    @Test
    void seedIsDrawnWhenMissingAndRecordedInTheProvenance() throws Exception {
        JobResult result = run(write(ramp(4, 4, 3), Optional.empty(), 8), "bilinear", 2);

        assertThat(result.provenance().parameters().seed()).isEqualTo(result.provenance().seed());
        assertThat(result.provenance().inputSha256()).hasSize(64);
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void cancelledJobLeavesNoFileAndNoStoreEntry() throws Exception {
        Path input = write(ramp(64, 64, 3), Optional.empty(), 8);
        JobContext cancelled = new JobContext() {
            @Override
            public void checkCancelled() throws JobCancelledException {
                throw new JobCancelledException();
            }

            @Override
            public void progress(int step, int steps, int tile, int tiles) {
            }
        };

        assertThatThrownBy(() -> pipeline.run(new UpscaleRequest(input, "lanczos", 2, ModelParameters.DEFAULTS,
                OutputSettings.toFolder(dir.resolve("out"))), cancelled)).isInstanceOf(JobCancelledException.class);
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void outputNamerNeverReplacesAnExistingFile() throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/in_nearest_x2.png"), "keep me");

        JobResult result = run(write(ramp(4, 4, 3), Optional.empty(), 8), "nearest", 2);

        assertThat(result.writtenFile()).contains(dir.resolve("out/in_nearest_x2_2.png"));
        assertThat(Files.readString(dir.resolve("out/in_nearest_x2.png"))).isEqualTo("keep me");
    }
}
