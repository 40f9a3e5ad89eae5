package org.srstudio.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioException;
import org.srstudio.engine.graph.Tensor;

class SafetensorsReaderTest {
    @TempDir
    Path tmp;

    @Test
    void float64TensorNarrowsToFloat() throws Exception {
        Map<String, Tensor> t = SafetensorsReader.open(StateDictFixtures.path("views_f64.safetensors")).load();
        assertThat(t.get("base").shape()).containsExactly(3, 4);
        assertThat(t.get("base").data()).containsExactly(0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23);
    }

    @Test
    void bfloat16MatchesTheHalfPrecisionPthToBfloat16Accuracy() throws Exception {
        StateDict bf = SafetensorsReader.open(StateDictFixtures.path("srvgg_x4_bf16.safetensors"));
        assertThat(bf.tensors().get("body.0.weight").dtype()).isEqualTo(DType.BF16);
        Map<String, Tensor> b = bf.load();
        Map<String, Tensor> h = PthReader.open(StateDictFixtures.path("srvgg_x4_fp16.pth")).load();
        assertThat(b.keySet()).containsExactlyElementsOf(h.keySet());
        for (String k : b.keySet()) {
            float[] x = b.get(k).data();
            float[] y = h.get(k).data();
            for (int i = 0; i < x.length; i++) {
                // bf16 keeps 8 mantissa bits, fp16 11: both round the same float32 weight
                assertThat(x[i]).as(k).isCloseTo(y[i], org.assertj.core.data.Offset.offset(Math.abs(y[i]) / 128 + 1e-3f));
            }
        }
    }

    @Test
    void metadataIsIgnored() throws Exception {
        StateDict dict = SafetensorsReader.open(StateDictFixtures.path("rrdb_new_x4.safetensors"));
        assertThat(dict.shapes()).doesNotContainKey("__metadata__").containsKey("conv_first.weight");
    }

    @Test
    void truncatedFileGivesSentence() throws Exception {
        long size = Files.size(StateDictFixtures.path("rrdb_new_x4.safetensors"));
        Path cut = StateDictFixtures.truncated("rrdb_new_x4.safetensors", tmp, size - 10);
        assertThatThrownBy(() -> SafetensorsReader.open(cut))
                .isInstanceOf(StudioException.class)
                .hasMessageStartingWith("rrdb_new_x4.safetensors is truncated or corrupt: tensor conv_last.bias lies at");
    }

    @Test
    void headerCutShortGivesSentence() throws Exception {
        Path cut = StateDictFixtures.truncated("rrdb_new_x4.safetensors", tmp, 100);
        assertThatThrownBy(() -> SafetensorsReader.open(cut))
                .hasMessageStartingWith("rrdb_new_x4.safetensors is truncated or not a safetensors file: its header claims");
    }

    @Test
    void tinyFileGivesSentence() throws Exception {
        Path cut = StateDictFixtures.truncated("rrdb_new_x4.safetensors", tmp, 5);
        assertThatThrownBy(() -> SafetensorsReader.open(cut))
                .hasMessage("rrdb_new_x4.safetensors is truncated: it is too short to hold a safetensors header.");
    }

    @Test
    void invalidJsonGivesSentence() throws Exception {
        Path file = write("bad.safetensors", "{\"a\": [", new byte[0]);
        assertThatThrownBy(() -> SafetensorsReader.open(file))
                .hasMessageStartingWith("bad.safetensors has an invalid safetensors header: ");
    }

    @Test
    void rangeThatDisagreesWithShapeGivesSentence() throws Exception {
        Path file = write("short.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}}", new byte[12]);
        assertThatThrownBy(() -> SafetensorsReader.open(file))
                .hasMessage("short.safetensors is corrupt: tensor w should take 16 bytes but its range holds 12.");
    }

    @Test
    void unknownDtypeGivesSentence() throws Exception {
        Path file = write("f8.safetensors",
                "{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}", new byte[2]);
        assertThatThrownBy(() -> SafetensorsReader.open(file))
                .hasMessage("f8.safetensors stores tensor w as F8_E4M3, a type SR Studio cannot read.");
    }

    @Test
    void halfPrecisionValuesDecode() throws Exception {
        // 1.0, -2.0, 65504 (max half), 2^-24 (smallest subnormal)
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x7bff).putShort((short) 0x0001);
        Path file = write("half.safetensors",
                "{\"w\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]}}", data.array());
        assertThat(SafetensorsReader.open(file).load().get("w").data()).containsExactly(1f, -2f, 65504f, 0x1p-24f);
    }

    private Path write(String name, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.write(h);
        out.write(data);
        Path file = tmp.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }
}
