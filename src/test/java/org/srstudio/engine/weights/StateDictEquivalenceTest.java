package org.srstudio.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.engine.EngineDevice;
import org.srstudio.engine.GraphUpscaler;
import org.srstudio.engine.graph.Graph;

/** Each fixture network, read from its file and run by the DJL runner, reproduces PyTorch's eager output. */
class StateDictEquivalenceTest {
    private static EngineDevice cpu;
    private static final StateDictModelLoader LOADER = new StateDictModelLoader();

    @BeforeAll
    static void engine() throws Exception {
        cpu = EngineDevice.cpu(2);
    }

    @AfterAll
    static void done() {
        cpu = null;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rrdb_new_x4.pth, rrdb_new_x4.out.f32, 4",
            "rrdb_new_x4.safetensors, rrdb_new_x4.out.f32, 4",
            "rrdb_new_x2.pth, rrdb_new_x2.out.f32, 2",
            "rrdb_old_x4.pth, rrdb_old_x4.out.f32, 4",
            "srvgg_x4_fp16.pth, srvgg_x4_fp16.out.f32, 4",
            "srvgg_x4_bf16.safetensors, srvgg_x4_bf16.out.f32, 4"})
    void matchesPyTorchEagerOutput(String weights, String expectedOutput, int scale) throws Exception {
        Path file = StateDictFixtures.path(weights);
        ModelEntry entry = LOADER.describe(file).orElseThrow();
        assertThat(entry.isRunnable()).as(entry.note()).isTrue();
        assertThat(entry.manifest().scales()).containsExactly(scale);
        Graph graph = LOADER.graph(entry);
        FloatImage input = new FloatImage(StateDictFixtures.INPUT_W, StateDictFixtures.INPUT_H, 3,
                StateDictFixtures.floats("input_3x10x12.f32"));
        float[] expected = StateDictFixtures.floats(expectedOutput);
        try (GraphUpscaler upscaler = new GraphUpscaler(graph, cpu, 1L << 30)) {
            FloatImage out = upscaler.upscale(input, scale, ModelParameters.DEFAULTS, JobContext.NONE);
            assertThat(out.width()).isEqualTo(StateDictFixtures.INPUT_W * scale);
            assertThat(out.height()).isEqualTo(StateDictFixtures.INPUT_H * scale);
            float worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(out.data()[i] - expected[i]));
            }
            assertThat(worst).as("max |java - pytorch| for " + weights).isLessThanOrEqualTo(1e-4f);
        }
    }
}
