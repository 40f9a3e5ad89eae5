package org.srstudio.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelRegistry;
import org.srstudio.core.model.ModelStatus;
import org.srstudio.engine.EngineLoaders;
import java.util.List;
import org.srstudio.engine.EngineDevice;
import org.srstudio.engine.GraphUpscaler;
import org.srstudio.engine.arch.RrdbNet;
import org.srstudio.engine.arch.SrVggNetCompact;
import org.srstudio.testing.SharedData;

/**
 * The waifu2x package's .pth models, when they are somewhere under models/: detection, and one end-to-end run
 * compared with PyTorch when tools/fixtures/make_real_model_reference.py has written a reference.
 */
class RealStateDictModelsTest {
    private static final StateDictModelLoader LOADER = new StateDictModelLoader();

    @Test
    void aniScaleIsCompactX2AndMatchesPyTorch() throws Exception {
        Path file = require("2x-AniScale.pth");
        ModelEntry entry = LOADER.describe(file).orElseThrow();
        assertThat(entry.status()).isEqualTo(ModelStatus.INSTALLED);
        assertThat(entry.id()).isEqualTo("2x-aniscale");
        assertThat(entry.manifest().scales()).containsExactly(2);
        assertThat(((org.srstudio.engine.arch.Detection.Supported) LOADER.detect(file)).architecture())
                .isEqualTo(new SrVggNetCompact(3, 64, 16, 2));
        runAndCompare(entry, "2x-AniScale", 2);
    }

    @Test
    void yandereNeoIsOldStyleEsrganX4AndMatchesPyTorch() throws Exception {
        Path file = require("4x-NMKD-YandereNeo-Superlite.pth");
        ModelEntry entry = LOADER.describe(file).orElseThrow();
        assertThat(entry.status()).isEqualTo(ModelStatus.INSTALLED);
        assertThat(entry.id()).isEqualTo("4x-nmkd-yandereneo-superlite");
        assertThat(entry.manifest().name()).isEqualTo("4x-NMKD-YandereNeo-Superlite");
        RrdbNet net = (RrdbNet) ((org.srstudio.engine.arch.Detection.Supported) LOADER.detect(file)).architecture();
        assertThat(net.keys()).isEqualTo(RrdbNet.KeyStyle.ESRGAN);
        assertThat(net.scale()).isEqualTo(4);
        runAndCompare(entry, "4x-NMKD-YandereNeo-Superlite", 4);
    }

    @Test
    void descreentonIsUnsupportedWithReason() throws Exception {
        Path file = require("4x_WTP_descreenton.pth");
        ModelEntry entry = LOADER.describe(file).orElseThrow();
        assertThat(entry.status()).isEqualTo(ModelStatus.UNSUPPORTED);
        assertThat(entry.note()).isEqualTo("4x_WTP_descreenton.pth looks like an OmniSR network, which SR Studio"
                + " cannot run yet.");
        assertThat(entry.manifest().scales()).containsExactly(4);
    }

    @Test
    void registryWithEveryEngineLoaderListsTheFetchedModels() {
        SharedData.requireModel("2x-aniscale");
        SharedData.requireModel("4x-nmkd-yandereneo-superlite");
        SharedData.requireModel("4x-wtp-descreenton");
        ModelRegistry registry = new ModelRegistry(SharedData.repoRoot().resolve("models"), EngineLoaders.all(),
                List.of(), List.of());
        assertThat(registry.find("2x-aniscale").orElseThrow().status()).isEqualTo(ModelStatus.INSTALLED);
        assertThat(registry.find("4x-nmkd-yandereneo-superlite").orElseThrow().status()).isEqualTo(ModelStatus.INSTALLED);
        ModelEntry descreen = registry.find("4x-wtp-descreenton").orElseThrow();
        assertThat(descreen.status()).isEqualTo(ModelStatus.UNSUPPORTED);
        assertThat(descreen.note()).isEqualTo("4x_WTP_descreenton.pth looks like an OmniSR network, which SR Studio"
                + " cannot run yet.");
    }

    private static void runAndCompare(ModelEntry entry, String stem, int scale) throws Exception {
        Path refDir = SharedData.repoRoot().resolve("models").resolve("statedict-reference");
        Optional<float[]> in = floats(refDir.resolve(stem + ".in.f32"));
        int w = 32;
        int h = 24;
        FloatImage input = new FloatImage(w, h, 3, in.orElseGet(() -> gradient(w, h)));
        try (GraphUpscaler up = new GraphUpscaler(LOADER.graph(entry), EngineDevice.cpu(2), 1L << 30)) {
            FloatImage out = up.upscale(input, scale, ModelParameters.DEFAULTS, JobContext.NONE);
            assertThat(out.width()).isEqualTo(w * scale);
            assertThat(out.height()).isEqualTo(h * scale);
            for (float v : out.data()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            Optional<float[]> ref = floats(refDir.resolve(stem + ".out.f32"));
            if (ref.isPresent()) {
                float worst = 0;
                for (int i = 0; i < ref.get().length; i++) {
                    worst = Math.max(worst, Math.abs(out.data()[i] - ref.get()[i]));
                }
                assertThat(worst).as("max |java - pytorch| for " + stem).isLessThanOrEqualTo(1e-4f);
            }
        }
    }

    private static float[] gradient(int w, int h) {
        float[] d = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d[(c * h + y) * w + x] = (x + y + 8 * c) / (float) (w + h + 16);
                }
            }
        }
        return d;
    }

    private static Optional<float[]> floats(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return Optional.of(f);
    }

    /** The file anywhere under models/ (loose or in a model folder), or skips. */
    private static Path require(String name) throws IOException {
        Path models = SharedData.repoRoot().resolve("models");
        Optional<Path> found = Optional.empty();
        if (Files.isDirectory(models)) {
            try (Stream<Path> s = Files.find(models, 3, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(name))) {
                found = s.findFirst();
            }
        }
        assumeTrue(found.isPresent(), "models/**/" + name + " is absent (run tools/fetch-models.sh): test skipped");
        return found.get();
    }
}
