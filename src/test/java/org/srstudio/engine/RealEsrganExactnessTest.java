package org.srstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.model.ManifestReader;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelStatus;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.engine.graph.Graph;
import org.srstudio.testing.SharedData;

/**
 * Every reference output in ../shared/realesrgan-ref/crops, reproduced untiled from the fetched ncnn models: raw
 * output within 1e-3 of the PyTorch reference and at least 99.9 % of 8-bit values within one level.
 */
class RealEsrganExactnessTest {
    private static final Pattern REF = Pattern.compile("(.+)_(x4plus|x4fast|animev3x4)_ref\\.png");
    private static final Map<String, String> MODEL_IDS = Map.of(
            "x4plus", "realesrgan-x4plus", "x4fast", "realesrgan-x4fast", "animev3x4", "realesr-animevideov3-x4");
    private static final Map<String, GraphUpscaler> LOADED = new HashMap<>();

    @AfterAll
    static void closeModels() {
        LOADED.values().forEach(GraphUpscaler::close);
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceOutputIsReproduced() throws IOException {
        Path crops = SharedData.require("realesrgan-ref/crops");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(crops)) {
            for (Path ref : files.sorted().toList()) {
                Matcher m = REF.matcher(ref.getFileName().toString());
                if (m.matches()) {
                    Path input = crops.resolve(m.group(1) + ".png");
                    Path raw = crops.resolve(m.group(1) + "_" + m.group(2) + "_ref.f32");
                    String model = MODEL_IDS.get(m.group(2));
                    tests.add(DynamicTest.dynamicTest(m.group(1) + " with " + model, () -> check(model, input, ref, raw)));
                }
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void compactModelTiledEqualsUntiled() throws Exception {
        Path crop = SharedData.require("realesrgan-ref/crops/tiger_128.png");
        GraphUpscaler upscaler = model("realesrgan-x4fast");
        FloatImage in = readRgb(crop).crop(10, 20, 100, 72);
        FloatImage whole = upscaler.upscale(in, 4, ModelParameters.DEFAULTS, org.srstudio.core.job.JobContext.NONE);
        GraphUpscalerTest.RecordingContext ctx = new GraphUpscalerTest.RecordingContext();
        FloatImage tiled = upscaler.upscale(in, 4, ModelParameters.DEFAULTS.withTileSize(32), ctx);
        assertThat(ctx.tiles.get()).isGreaterThanOrEqualTo(4);
        assertThat(SyntheticGraphs.maxAbsDiff(tiled.data(), whole.data())).isLessThanOrEqualTo(1e-4f);
    }

    private static void check(String modelId, Path input, Path refPng, Path refRaw) throws Exception {
        GraphUpscaler upscaler = model(modelId);
        FloatImage in = readRgb(input);
        GraphUpscalerTest.RecordingContext ctx = new GraphUpscalerTest.RecordingContext();
        FloatImage out = upscaler.upscale(in, 4, ModelParameters.DEFAULTS, ctx);
        assertThat(ctx.notes.get("tile")).isEqualTo("whole image");
        if (Files.exists(refRaw)) {
            float[] expected = readF32(refRaw);
            assertThat(SyntheticGraphs.maxAbsDiff(out.data(), expected)).isLessThanOrEqualTo(1e-3f);
        }
        FloatImage ref = readRgb(refPng);
        assertThat(out.width()).isEqualTo(ref.width());
        float[] o = out.data();
        float[] r = ref.data();
        long within = 0;
        for (int i = 0; i < o.length; i++) {
            double mine = Math.rint(Math.min(1, Math.max(0, o[i])) * 255.0);
            if (Math.abs(mine - Math.round(r[i] * 255f)) <= 1) {
                within++;
            }
        }
        assertThat((double) within / o.length).isGreaterThanOrEqualTo(0.999);
    }

    private static synchronized GraphUpscaler model(String id) throws Exception {
        GraphUpscaler u = LOADED.get(id);
        if (u == null) {
            Path folder = SharedData.requireModel(id);
            ModelEntry entry = new ModelEntry(ManifestReader.read(folder.resolve("model.json")),
                    java.util.Optional.of(folder), ModelStatus.INSTALLED, "");
            Graph graph = NcnnModelLoader.graph(entry);
            u = new GraphUpscaler(graph, EngineDevice.cpu(2), 8L << 30);
            LOADED.put(id, u);
        }
        return u;
    }

    static FloatImage readRgb(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assumeTrue(img != null, png + " is not readable");
        int w = img.getWidth();
        int h = img.getHeight();
        float[] d = new float[3 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                d[y * w + x] = ((p >> 16) & 0xFF) / 255f;
                d[(h + y) * w + x] = ((p >> 8) & 0xFF) / 255f;
                d[(2 * h + y) * w + x] = (p & 0xFF) / 255f;
            }
        }
        return new FloatImage(w, h, 3, d);
    }

    static float[] readF32(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }
}
