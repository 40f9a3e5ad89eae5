package org.srstudio.engine.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.srstudio.core.Json;
import org.srstudio.core.diffusion.FeatureMap;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.engine.EngineDevice;

/**
 * The split-VAE fixture (tools/fixtures/make_split_vae_fixture.py): a decoder with GroupNorms, a global attention
 * block and an upsample, and an encoder with a stride-2 downsample, each exported whole and as blocks;
 * expected.f32 and expected_moments.f32 are the whole networks' untiled outputs in PyTorch.
 */
class TiledVaeTest {
    private static final Path FOLDER = DiffusionFixtures.folder("split-vae", "decoder.json");
    private static NDManager manager;
    private static VaeBlocks blocks;
    private static TiledVae decoder;

    @BeforeAll
    static void load() throws Exception {
        EngineDevice device = EngineDevice.detect();
        manager = NDManager.newBaseManager(device.device(), "PyTorch");
        blocks = VaeBlocks.parse(Json.mapper().readTree(FOLDER.resolve("decoder.json").toFile()), "z");
        decoder = TiledVae.load(blocks, FOLDER, device.device(), manager);
    }

    @AfterAll
    static void close() {
        decoder.close();
        manager.close();
    }

    @Test
    void tiledDecodeEqualsTheUntiledDecoder() throws Exception {
        List<int[]> events = new ArrayList<>();
        FeatureMap out = decoder.run(latent(), recording(events, Integer.MAX_VALUE));

        assertThat(events.get(0)[1]).as("tile calls: the fixture is decoded in many tiles").isGreaterThan(blocks.steps().size());
        assertThat(largestDifference(out, expected())).as("largest difference to PyTorch's untiled decode").isLessThanOrEqualTo(1e-4);
    }

    @Test
    void tiledEncodeEqualsTheUntiledEncoder() throws Exception {
        VaeBlocks encoderBlocks = VaeBlocks.parse(Json.mapper().readTree(FOLDER.resolve("encoder.json").toFile()), "image");
        List<int[]> events = new ArrayList<>();
        FeatureMap out;
        try (TiledVae encoder = TiledVae.load(encoderBlocks, FOLDER, EngineDevice.detect().device(), manager)) {
            out = encoder.run(map("image_shape", "image.f32"), recording(events, Integer.MAX_VALUE));
        }

        assertThat(events.get(0)[1]).as("tile calls: the fixture is encoded in many tiles").isGreaterThan(encoderBlocks.steps().size());
        assertThat(largestDifference(out, map("moments_shape", "expected_moments.f32")))
                .as("largest difference to PyTorch's untiled encode").isLessThanOrEqualTo(1e-4);
    }

    @Test
    void tilesWithTheirOwnGroupNormStatisticsVisiblyDiffer() throws Exception {
        // The naive way: decode each latent tile (with a halo for the convolutions) on its own, so every GroupNorm
        // (and the attention) sees only that tile, then paste the tiles' centres together.
        FeatureMap z = latent();
        int tile = blocks.tile();
        int halo = 3;
        FeatureMap naive = FeatureMap.zeros(3, 2 * z.height(), 2 * z.width());
        for (int y0 = 0; y0 < z.height(); y0 += tile) {
            for (int x0 = 0; x0 < z.width(); x0 += tile) {
                int cx = Math.max(0, x0 - halo);
                int cy = Math.max(0, y0 - halo);
                int cw = Math.min(z.width(), x0 + tile + halo) - cx;
                int ch = Math.min(z.height(), y0 + tile + halo) - cy;
                FeatureMap piece = decoder.run(z.window(cx, cy, cw, ch), JobContext.NONE);
                int tw = Math.min(tile, z.width() - x0);
                int th = Math.min(tile, z.height() - y0);
                naive.paste(piece, 2 * (x0 - cx), 2 * (y0 - cy), 2 * tw, 2 * th, 2 * x0, 2 * y0);
            }
        }

        assertThat(largestDifference(naive, expected())).as("per-tile statistics change the image").isGreaterThan(0.05);
    }

    @Test
    void tilesWithoutTheirHaloShowSeams() throws Exception {
        var json = (ObjectNode) Json.mapper().readTree(FOLDER.resolve("decoder.json").toFile());
        json.get("blocks").forEach(b -> {
            if (b.has("halo")) {
                ((ObjectNode) b).put("halo", 0);
            }
        });
        FeatureMap out;
        try (TiledVae noHalo = TiledVae.load(VaeBlocks.parse(json, "z"), FOLDER, EngineDevice.detect().device(), manager)) {
            out = noHalo.run(latent(), JobContext.NONE);
        }

        assertThat(largestDifference(out, expected())).as("tile borders convolved against zeros").isGreaterThan(0.01);
    }

    @Test
    void progressCountsEveryTileOfEveryBlock() throws Exception {
        List<int[]> events = new ArrayList<>();
        decoder.run(latent(), recording(events, Integer.MAX_VALUE));

        int total = events.get(0)[1];
        assertThat(events).hasSize(total);
        for (int k = 0; k < total; k++) {
            assertThat(events.get(k)).containsExactly(k + 1, total);
        }
    }

    @Test
    void cancellingStopsBetweenTiles() throws Exception {
        List<int[]> events = new ArrayList<>();

        assertThatThrownBy(() -> decoder.run(latent(), recording(events, 3))).isInstanceOf(JobCancelledException.class);
        assertThat(events).hasSize(3);
    }

    /** Records (tile, tiles) and cancels once {@code cancelAfter} tiles were reported. */
    private static JobContext recording(List<int[]> events, int cancelAfter) {
        return new JobContext() {
            @Override
            public void checkCancelled() throws JobCancelledException {
                if (events.size() >= cancelAfter) {
                    throw new JobCancelledException();
                }
            }

            @Override
            public void progress(int step, int steps, int tile, int tiles) {
                events.add(new int[] {tile, tiles});
            }
        };
    }

    private static FeatureMap latent() throws Exception {
        return map("latent_shape", "latent.f32");
    }

    private static FeatureMap expected() throws Exception {
        return map("output_shape", "expected.f32");
    }

    /** A fixture file as a map, its [1,C,H,W] shape read from reference.json. */
    private static FeatureMap map(String shapeKey, String file) throws Exception {
        JsonNode s = reference().get(shapeKey);
        return new FeatureMap(s.get(1).asInt(), s.get(2).asInt(), s.get(3).asInt(), DiffusionFixtures.floats(FOLDER.resolve(file)));
    }

    private static JsonNode reference() throws Exception {
        return Json.mapper().readTree(FOLDER.resolve("reference.json").toFile());
    }

    private static double largestDifference(FeatureMap a, FeatureMap b) {
        assertThat(new int[] {a.channels(), a.height(), a.width()}).containsExactly(b.channels(), b.height(), b.width());
        double worst = 0;
        for (int k = 0; k < a.data().length; k++) {
            worst = Math.max(worst, Math.abs(a.data()[k] - b.data()[k]));
        }
        return worst;
    }
}
