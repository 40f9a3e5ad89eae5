package org.srstudio.engine.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.srstudio.core.Json;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;

class DiffusionUpscalerTest {
    @ParameterizedTest
    @ValueSource(strings = {"s3diff-like", "tsdsr-like", "xpsr-like", "moesr-like"})
    void matchesThePythonReferenceLoopWithTheSameNoise(String shape) throws Exception {
        FloatImage expected = DiffusionFixtures.expected(shape);
        try (DiffusionUpscaler up = DiffusionFixtures.load(shape)) {
            replayReferenceNoise(up, shape);
            FloatImage out = up.upscale(DiffusionFixtures.input(shape), DiffusionFixtures.scale(shape),
                    DiffusionFixtures.parameters(shape), JobContext.NONE);

            assertThat(largestDifference(out, expected)).as("largest difference to the Python reference").isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void decoderDeclaredAsTiledBlocksStillMatchesThePythonReference(@TempDir Path dir) throws Exception {
        // The s3diff-like decoder (3x3 conv, pixel shuffle, tanh: receptive radius 1 latent pixel) declared as one
        // block and decoded in 2x2-latent tiles must give the reference's untiled image.
        assertTiledBlocksMatchTheReference(dir, "s3diff-like", false);
    }

    @Test
    void encoderAndDecoderDeclaredAsTiledBlocksStillMatchThePythonReference(@TempDir Path dir) throws Exception {
        // The tsdsr-like encoder (8x8 average pool, then a 3x3 conv: 8 input pixels of halo, down 8) runs in 16-pixel tiles.
        assertTiledBlocksMatchTheReference(dir, "tsdsr-like", true);
    }

    /** Rewrites a copy of a fixture so its VAE modules are one-block tiled networks, runs it and compares. */
    private static void assertTiledBlocksMatchTheReference(Path dir, String shape, boolean encoderToo) throws Exception {
        Path copy = dir.resolve(shape);
        Path src = DiffusionFixtures.folder(shape);
        try (var files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, copy.resolve(src.relativize(f).toString()));
            }
        }
        ObjectNode manifest = (ObjectNode) Json.mapper().readTree(copy.resolve("model.json").toFile());
        ObjectNode engine = (ObjectNode) manifest.get("engine");
        ObjectNode modules = (ObjectNode) engine.get("modules");
        engine.set("vae_decoder_blocks", Json.mapper().readTree("{\"tile\": 2, \"blocks\": [{\"module\": \""
                + modules.remove("vae_decoder").asText() + "\", \"inputs\": [\"z\"], \"output\": \"image\", \"halo\": 1, \"scale\": 8}]}"));
        if (encoderToo) {
            engine.set("vae_encoder_blocks", Json.mapper().readTree("{\"tile\": 16, \"blocks\": [{\"module\": \""
                    + modules.remove("vae_encoder").asText() + "\", \"inputs\": [\"image\"], \"output\": \"moments\", \"halo\": 8, \"down\": 8}]}"));
        }
        Json.mapper().writeValue(copy.resolve("model.json").toFile(), manifest);
        List<int[]> vaeTiles = new ArrayList<>();
        JobContext ctx = new JobContext() {
            @Override
            public void checkCancelled() {
            }

            @Override
            public void progress(int step, int steps, int tile, int tiles) {
                if (steps == 0) {
                    vaeTiles.add(new int[] {tile, tiles});
                }
            }
        };

        FloatImage out;
        try (DiffusionUpscaler up = (DiffusionUpscaler) new DiffusionModelLoader().load(DiffusionFixtures.entry(copy))) {
            replayReferenceNoise(up, shape);
            out = up.upscale(DiffusionFixtures.input(shape), DiffusionFixtures.scale(shape), DiffusionFixtures.parameters(shape), ctx);
        }

        assertThat(vaeTiles.stream().filter(e -> e[0] == 1).count()).as("tiled VAE runs").isEqualTo(encoderToo ? 2 : 1);
        assertThat(vaeTiles).as("VAE tiles").hasSizeGreaterThan(encoderToo ? 4 : 2);
        assertThat(largestDifference(out, DiffusionFixtures.expected(shape))).as("largest difference to the Python reference")
                .isLessThanOrEqualTo(1e-4);
    }

    private static void replayReferenceNoise(DiffusionUpscaler up, String shape) {
        up.noiseFactory(seed -> {
            try {
                return DiffusionFixtures.replay(shape);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static double largestDifference(FloatImage out, FloatImage expected) {
        assertThat(out.width()).isEqualTo(expected.width());
        assertThat(out.height()).isEqualTo(expected.height());
        double worst = 0;
        for (int k = 0; k < out.data().length; k++) {
            worst = Math.max(worst, Math.abs(out.data()[k] - expected.data()[k]));
        }
        return worst;
    }

    @Test
    void sameSeedGivesTheSameImageAndAnotherSeedDoesNot() throws Exception {
        String shape = "xpsr-like";
        try (DiffusionUpscaler up = DiffusionFixtures.load(shape)) {
            FloatImage in = DiffusionFixtures.input(shape);
            ModelParameters p = DiffusionFixtures.parameters(shape).withSeed(42L);
            FloatImage a = up.upscale(in, 4, p, JobContext.NONE);
            FloatImage b = up.upscale(in, 4, p, JobContext.NONE);
            FloatImage c = up.upscale(in, 4, p.withSeed(43L), JobContext.NONE);

            assertThat(b.data()).containsExactly(a.data());
            assertThat(c.data()).isNotEqualTo(a.data());
        }
    }

    @Test
    void eachDistinctPromptIsEncodedOnceAcrossImages() throws Exception {
        String shape = "xpsr-like";
        try (DiffusionUpscaler up = DiffusionFixtures.load(shape)) {
            ModelParameters p = DiffusionFixtures.parameters(shape);
            FloatImage in = DiffusionFixtures.input(shape);
            up.upscale(in, 4, p, JobContext.NONE);
            up.resetTimers();
            up.upscale(in, 4, p, JobContext.NONE);
            int sameAgain = up.calls("text_encoder");
            up.resetTimers();
            up.upscale(in, 4, p.withPrompts("a photo of a dog", p.negativePrompt()), JobContext.NONE);
            int newPositive = up.calls("text_encoder");

            assertThat(sameAgain).as("text-encoder calls for the same prompts again").isZero();
            assertThat(newPositive).as("text-encoder calls after changing only the prompt").isEqualTo(1);
        }
    }

    @Test
    void progressReportsEveryTileOfEveryStep() throws Exception {
        String shape = "xpsr-like";
        List<int[]> events = new ArrayList<>();
        List<FloatImage> previews = new ArrayList<>();
        JobContext ctx = new JobContext() {
            @Override
            public void checkCancelled() {
            }

            @Override
            public void progress(int step, int steps, int tile, int tiles) {
                events.add(new int[] {step, steps, tile, tiles});
            }

            @Override
            public void preview(FloatImage image) {
                previews.add(image);
            }
        };
        ModelParameters p = DiffusionFixtures.parameters(shape);
        try (DiffusionUpscaler up = DiffusionFixtures.load(shape)) {
            up.upscale(DiffusionFixtures.input(shape), 4, p, ctx);
        }
        int tiles = events.get(0)[3];
        assertThat(tiles).as("the fixture is tiled").isGreaterThan(1);
        assertThat(events).hasSize(p.steps() * tiles);
        assertThat(events.get(events.size() - 1)).containsExactly(p.steps(), p.steps(), tiles, tiles);
        assertThat(previews).hasSize(p.steps());
    }

    @Test
    void cancellingStopsBetweenSteps() throws Exception {
        String shape = "moesr-like";
        AtomicInteger steps = new AtomicInteger();
        JobContext ctx = new JobContext() {
            @Override
            public void checkCancelled() throws JobCancelledException {
                if (steps.get() >= 3) {
                    throw new JobCancelledException();
                }
            }

            @Override
            public void progress(int step, int total, int tile, int tiles) {
                steps.set(step);
            }
        };
        try (DiffusionUpscaler up = DiffusionFixtures.load(shape)) {
            assertThatThrownBy(() -> up.upscale(DiffusionFixtures.input(shape), 8, DiffusionFixtures.parameters(shape), ctx))
                    .isInstanceOf(JobCancelledException.class);
        }
        assertThat(steps.get()).isEqualTo(3);
    }

    @Test
    void folderMissingAModuleIsReportedInOneSentence(@TempDir Path dir) throws Exception {
        Path src = DiffusionFixtures.folder("s3diff-like");
        Path copy = dir.resolve("s3diff-like");
        Files.createDirectories(copy);
        Files.copy(src.resolve("model.json"), copy.resolve("model.json"));

        var problem = new DiffusionModelLoader().problemWith(DiffusionFixtures.entry(copy));

        assertThat(problem).hasValueSatisfying(s -> assertThat(s).contains("modules/").endsWith(".").doesNotContain("\n"));
    }

    @Test
    void unknownDenoiserInputIsRefusedInOneSentence(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("broken");
        Files.createDirectories(copy);
        String json = Files.readString(DiffusionFixtures.folder("xpsr-like").resolve("model.json"))
                .replace("\"cond_scale\"", "\"scale_of_cond\"");
        Files.writeString(copy.resolve("model.json"), json);

        var problem = new DiffusionModelLoader().problemWith(DiffusionFixtures.entry(copy));

        assertThat(problem).hasValueSatisfying(s -> assertThat(s).contains("scale_of_cond").endsWith(".").doesNotContain("\n"));
    }
}
