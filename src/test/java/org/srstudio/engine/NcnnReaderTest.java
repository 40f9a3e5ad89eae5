package org.srstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelStatus;
import org.srstudio.engine.graph.Graph;
import org.srstudio.engine.graph.Op;
import org.srstudio.engine.ncnn.NcnnGraphBuilder;
import org.srstudio.engine.ncnn.NcnnWeightReader;
import org.srstudio.testing.SharedData;

class NcnnReaderTest {
    /** A 1×1 convolution (3→3, bias) then a nearest ×2 resize; weights all exact in float16. */
    private static final String TINY = """
            7767517
            4 5
            Input            in      0 1 data
            Split            split   1 2 data d0 d1
            Convolution      conv    1 1 d0 c 0=3 1=1 5=1 6=9
            Interp           up      1 1 c out 0=1 1=2.000000e+00 2=2.000000e+00
            """;
    private static final float[] WEIGHTS = {0.5f, 0, 0, 0, -1.25f, 0, 0.25f, 0, 2};
    private static final float[] BIAS = {0.1f, 0.2f, -0.3f};

    @TempDir
    Path dir;

    @Test
    void fp32AndFp16TaggedWeightsBothLoad() throws Exception {
        Graph fp32 = read(TINY, bin(NcnnWeightReader.TAG_FP32, WEIGHTS, BIAS));
        Graph fp16 = read(TINY, bin(NcnnWeightReader.TAG_FP16, WEIGHTS, BIAS));
        for (Graph g : new Graph[] {fp32, fp16}) {
            Op.Conv2d conv = (Op.Conv2d) g.ops().get(0);
            assertThat(conv.weight().data()).containsExactly(WEIGHTS);
            assertThat(conv.weight().shape()).containsExactly(3, 3, 1, 1);
            assertThat(conv.bias()).containsExactly(BIAS);
            assertThat(g.scale()).isEqualTo(2);
        }
    }

    @Test
    void tinyNetworkRunsWithNcnnMeaning() throws Exception {
        Graph g = read(TINY, bin(NcnnWeightReader.TAG_FP16, WEIGHTS, BIAS));
        FloatImage in = SyntheticGraphs.randomImage(3, 2, 9);
        try (GraphUpscaler u = new GraphUpscaler(g, EngineDevice.cpu(1), 1L << 28)) {
            FloatImage out = u.upscale(in, 2, ModelParameters.DEFAULTS, JobContext.NONE);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 6; x++) {
                    float r = in.get(0, x / 2, y / 2);
                    float gr = in.get(1, x / 2, y / 2);
                    float b = in.get(2, x / 2, y / 2);
                    assertThat(out.get(0, x, y)).isCloseTo(0.5f * r + 0.1f, org.assertj.core.data.Offset.offset(1e-6f));
                    assertThat(out.get(1, x, y)).isCloseTo(-1.25f * gr + 0.2f, org.assertj.core.data.Offset.offset(1e-6f));
                    assertThat(out.get(2, x, y)).isCloseTo(0.25f * r + 2 * b - 0.3f, org.assertj.core.data.Offset.offset(1e-6f));
                }
            }
        }
    }

    @Test
    void unsupportedLayerGivesSentenceNamingIt() throws Exception {
        String param = TINY.replace("4 5", "5 6") + "Pooling          pool    1 1 out pooled 0=0 1=2\n";
        assertThatThrownBy(() -> read(param, bin(0, WEIGHTS, BIAS)))
                .isInstanceOf(StudioException.class)
                .hasMessage("Model tiny uses the ncnn layer type 'Pooling', which SR Studio does not support.");
    }

    @Test
    void truncatedBinGivesSentence() throws Exception {
        byte[] full = bin(NcnnWeightReader.TAG_FP16, WEIGHTS, BIAS);
        Path bin = dir.resolve("tiny.bin");
        assertThatThrownBy(() -> read(TINY, Arrays.copyOf(full, full.length - 5)))
                .isInstanceOf(StudioException.class)
                .hasMessage("The ncnn weight file " + bin + " is truncated: it ends inside the weights of layer conv.");
    }

    @Test
    void badMagicGivesSentence() throws Exception {
        assertThatThrownBy(() -> read(TINY.replace("7767517", "123"), bin(0, WEIGHTS, BIAS)))
                .hasMessageContaining("is not an ncnn .param file: it does not start with the magic number 7767517.");
    }

    @Test
    void looseParamBesideItsBinIsDescribedWithItsScale() throws Exception {
        Files.writeString(dir.resolve("My Model.param"), TINY);
        Files.write(dir.resolve("My Model.bin"), bin(0, WEIGHTS, BIAS));
        Optional<ModelEntry> entry = new NcnnModelLoader().describe(dir.resolve("My Model.param"));
        assertThat(entry).isPresent();
        assertThat(entry.get().status()).isEqualTo(ModelStatus.INSTALLED);
        assertThat(entry.get().id()).isEqualTo("my-model");
        assertThat(entry.get().manifest().scales()).containsExactly(2);
        assertThat(NcnnModelLoader.graph(entry.get()).ops()).hasSize(2);
        assertThat(new NcnnModelLoader().describe(dir.resolve("My Model.bin"))).isEmpty();
    }

    @Test
    void looseParamWithUnsupportedLayerIsListedAsUnsupported() throws Exception {
        Files.writeString(dir.resolve("odd.param"), TINY.replace("Interp           up      1 1 c out 0=1",
                "Deconvolution    up      1 1 c out 0=1"));
        Files.write(dir.resolve("odd.bin"), bin(0, WEIGHTS, BIAS));
        ModelEntry entry = new NcnnModelLoader().describe(dir.resolve("odd.param")).orElseThrow();
        assertThat(entry.status()).isEqualTo(ModelStatus.UNSUPPORTED);
        assertThat(entry.note()).contains("'Deconvolution'");
    }

    @Test
    void animeVideoX2AndX3EndWithAFractionalBicubicResize() throws Exception {
        for (int s : new int[] {2, 3}) {
            String id = "realesr-animevideov3-x" + s;
            Path folder = SharedData.requireModel(id);
            Graph g = NcnnGraphBuilder.read(folder.resolve(id + ".param"), folder.resolve(id + ".bin"), id);
            assertThat(g.scale()).isEqualTo(s);
            Op last = g.ops().get(g.ops().size() - 1);
            assertThat(last).isInstanceOf(Op.Resize.class);
            assertThat(((Op.Resize) last).mode()).isEqualTo(Op.Upsample.Mode.BICUBIC);
            try (GraphUpscaler u = new GraphUpscaler(g, EngineDevice.cpu(2), 1L << 30)) {
                FloatImage out = u.upscale(SyntheticGraphs.randomImage(21, 13, s), s, ModelParameters.DEFAULTS, JobContext.NONE);
                assertThat(out.width()).isEqualTo(21 * s);
                assertThat(out.height()).isEqualTo(13 * s);
            }
        }
    }

    private Graph read(String param, byte[] bin) throws IOException, StudioException {
        Path p = dir.resolve("tiny.param");
        Path b = dir.resolve("tiny.bin");
        Files.writeString(p, param);
        Files.write(b, bin);
        return NcnnGraphBuilder.read(p, b, "tiny");
    }

    private static byte[] bin(int tag, float[] weights, float[] bias) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * weights.length + 4 * bias.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(tag);
        if (tag == NcnnWeightReader.TAG_FP16) {
            for (float w : weights) {
                b.putShort(toHalf(w));
            }
            while (b.position() % 4 != 0) {
                b.put((byte) 0);
            }
        } else {
            for (float w : weights) {
                b.putFloat(w);
            }
        }
        for (float v : bias) {
            b.putFloat(v);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /** float16 bits of values that are exact in float16 (normal numbers and zero). */
    private static short toHalf(float f) {
        if (f == 0f) {
            return 0;
        }
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xFF) - 127 + 15;
        int mant = (bits >>> 13) & 0x3FF;
        return (short) (sign | (exp << 10) | mant);
    }
}
