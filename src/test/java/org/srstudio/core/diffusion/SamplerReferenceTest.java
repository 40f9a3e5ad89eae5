package org.srstudio.core.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.srstudio.core.Json;

/**
 * Each sampler replays a table made by running diffusers' own schedulers (or, for ddim_ldm, the LDM formulas) in
 * tools/fixtures/make_sampler_reference.py: same timesteps, schedule and trajectory to 1e-5.
 */
class SamplerReferenceTest {
    private static final double TOL = 1e-5;

    static Stream<String> tables() throws IOException, URISyntaxException {
        Path dir = Path.of(SamplerReferenceTest.class.getResource("/fixtures/samplers").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    static JsonNode load(String file) throws IOException {
        try (InputStream in = SamplerReferenceTest.class.getResourceAsStream("/fixtures/samplers/" + file)) {
            return Json.mapper().readTree(in);
        }
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    static SamplerConfig config(JsonNode table) throws IOException {
        return Json.mapper().treeToValue(table.get("sampler_config"), SamplerConfig.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void timestepsMatchReference(String file) throws IOException {
        JsonNode table = load(file);
        Sampler sampler = Samplers.create(config(table), table.get("steps").asInt());
        float[] expected = floats(table.get("timesteps"));
        assertThat(sampler.steps()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(sampler.timestep(i)).as("timestep %d", i).isCloseTo(expected[i], within(1e-3f));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void alphasCumprodMatchReference(String file) throws IOException {
        JsonNode table = load(file);
        if (!table.has("alphas_cumprod")) {
            return;
        }
        float[] ac = NoiseSchedules.alphasCumprod(config(table));
        for (Iterator<Map.Entry<String, JsonNode>> it = table.get("alphas_cumprod").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int t = Integer.parseInt(e.getKey());
            double want = e.getValue().asDouble();
            assertThat((double) ac[t]).as("alphas_cumprod[%d]", t).isCloseTo(want, within(Math.max(1e-7, 2e-6 * want)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void trajectoryMatchesReference(String file) throws IOException {
        JsonNode table = load(file);
        Sampler sampler = Samplers.create(config(table), table.get("steps").asInt());
        assertThat((double) sampler.initNoiseSigma()).isCloseTo(table.get("init_noise_sigma").asDouble(), within(TOL));
        if (sampler instanceof EulerSampler euler) {
            float[] sigmas = floats(table.get("sigmas"));
            for (int i = 0; i < sigmas.length; i++) {
                assertThat(euler.sigma(i)).as("sigma %d", i).isCloseTo(sigmas[i], within((float) TOL));
            }
        }
        float[] x = floats(table.get("x_init"));
        FixtureModel.CountingNoise noise = new FixtureModel.CountingNoise();
        JsonNode trajectory = table.get("trajectory");
        for (int i = 0; i < sampler.steps(); i++) {
            float[] xIn = sampler.scaleModelInput(x, i);
            if (i == 0) {
                assertClose(xIn, floats(table.get("model_input_0")), "model input at step 0");
            }
            x = sampler.step(FixtureModel.output(xIn, sampler.timestep(i)), i, x, noise);
            assertClose(x, floats(trajectory.get(i)), "x after step " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void addNoiseMatchesReference(String file) throws IOException {
        JsonNode table = load(file);
        if (!table.has("add_noise")) {
            return;
        }
        JsonNode ref = table.get("add_noise");
        Sampler sampler = Samplers.create(config(table), table.get("steps").asInt());
        float[] x0 = floats(ref.get("x0"));
        float[] noise = FixtureModel.noise(100, x0.length);
        for (int k = 0; k < ref.get("t").size(); k++) {
            double t = ref.get("t").get(k).asDouble();
            assertClose(sampler.addNoise(x0, noise, t), floats(ref.get("result").get(k)), "add_noise at t=" + t);
        }
    }

    static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            assertThat((double) actual[k]).as("%s [%d]", what, k).isCloseTo(expected[k], within(TOL));
        }
    }
}
