package org.srstudio.engine.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.srstudio.core.Json;
import org.srstudio.core.StudioException;
import org.srstudio.core.diffusion.NoiseSource;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.ColorFix;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.model.ManifestReader;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelStatus;

/** The fixture folders written by tools/fixtures/make_diffusion_fixtures.py and what they were run with. */
final class DiffusionFixtures {
    static final String[] SHAPES = {"s3diff-like", "tsdsr-like", "xpsr-like", "moesr-like"};

    private DiffusionFixtures() {
    }

    static Path folder(String shape) {
        return folder(shape, "model.json");
    }

    /** The fixture folder {@code name}, found through one of its files. */
    static Path folder(String name, String file) {
        try {
            return Path.of(DiffusionFixtures.class.getResource("/fixtures/diffusion/" + name + "/" + file).toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ModelEntry entry(Path folder) throws StudioException {
        return new ModelEntry(ManifestReader.read(folder.resolve("model.json")), Optional.of(folder), ModelStatus.INSTALLED, "");
    }

    static DiffusionUpscaler load(String shape) throws StudioException {
        return (DiffusionUpscaler) new DiffusionModelLoader().load(entry(folder(shape)));
    }

    static JsonNode reference(String shape) throws IOException {
        return Json.mapper().readTree(folder(shape).resolve("reference.json").toFile());
    }

    static float[] floats(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        float[] v = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    static FloatImage input(String shape) throws IOException {
        JsonNode s = reference(shape).get("input_shape");
        return new FloatImage(s.get(2).asInt(), s.get(1).asInt(), 3, floats(folder(shape).resolve("input.f32")));
    }

    static FloatImage expected(String shape) throws IOException {
        JsonNode s = reference(shape).get("output_shape");
        return new FloatImage(s.get(2).asInt(), s.get(1).asInt(), 3, floats(folder(shape).resolve("expected.f32")));
    }

    static int scale(String shape) throws IOException {
        return reference(shape).get("params").get("scale").asInt();
    }

    /** The parameters the reference ran with. */
    static ModelParameters parameters(String shape) throws IOException {
        JsonNode p = reference(shape).get("params");
        return new ModelParameters(text(p, "prompt"), text(p, "negative_prompt"),
                p.has("guidance") ? p.get("guidance").asDouble() : null, p.has("steps") ? p.get("steps").asInt() : null,
                7L, 0, ColorFix.valueOf(p.get("color_fix").asText().toUpperCase(java.util.Locale.ROOT)), text(p, "low_prompt"));
    }

    private static String text(JsonNode p, String key) {
        return p.has(key) ? p.get(key).asText() : null;
    }

    /** Replays the reference's noise in draw order and fails loudly if the runtime draws more. */
    static NoiseSource replay(String shape) throws IOException {
        float[] all = floats(folder(shape).resolve("noise.f32"));
        int[] pos = {0};
        return out -> {
            if (pos[0] + out.length > all.length) {
                throw new IllegalStateException("The runtime drew more noise than the reference (" + all.length + " values).");
            }
            System.arraycopy(all, pos[0], out, 0, out.length);
            pos[0] += out.length;
        };
    }
}
