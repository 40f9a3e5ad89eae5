package org.srstudio.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioException;
import org.srstudio.engine.graph.Tensor;

class PthReaderTest {
    private static final Path PAYLOAD_MARKER = Path.of("/tmp/srstudio-pickle-payload-ran");

    @TempDir
    Path tmp;

    @Test
    void zipCheckpointPrefersEmaWeightsOverParams() throws Exception {
        StateDict dict = PthReader.open(StateDictFixtures.path("rrdb_new_x4.pth"));
        Map<String, Tensor> t = dict.load();
        // the fixture's "params" are all zeros; "params_ema" holds the real weights
        assertThat(t.get("conv_first.weight").data()).isNotEqualTo(new float[8 * 3 * 9]);
        assertThat(t.get("conv_first.weight").shape()).containsExactly(8, 3, 3, 3);
        assertThat(dict.tensors().get("conv_first.weight").dtype()).isEqualTo(DType.F32);
    }

    @Test
    void zipCheckpointMatchesTheSameWeightsAsSafetensors() throws Exception {
        Map<String, Tensor> pth = PthReader.open(StateDictFixtures.path("rrdb_new_x4.pth")).load();
        Map<String, Tensor> st = SafetensorsReader.open(StateDictFixtures.path("rrdb_new_x4.safetensors")).load();
        assertThat(pth.keySet()).containsExactlyElementsOf(st.keySet());
        for (String k : pth.keySet()) {
            assertThat(pth.get(k).data()).as(k).containsExactly(st.get(k).data());
            assertThat(pth.get(k).shape()).as(k).containsExactly(st.get(k).shape());
        }
    }

    @Test
    void keysKeepFileOrder() throws Exception {
        StateDict dict = PthReader.open(StateDictFixtures.path("rrdb_new_x4.pth"));
        assertThat(dict.shapes().keySet()).startsWith("conv_first.weight", "conv_first.bias",
                "body.0.rdb1.conv1.weight").endsWith("conv_last.weight", "conv_last.bias");
    }

    @Test
    void dataParallelModulePrefixAndStateDictWrapperAreRemoved() throws Exception {
        StateDict dict = PthReader.open(StateDictFixtures.path("rrdb_new_x2.pth"));
        assertThat(dict.shapes()).containsKey("conv_first.weight").doesNotContainKey("module.conv_first.weight");
        assertThat(dict.shapes().get("conv_first.weight")).containsExactly(8, 12, 3, 3);
    }

    @Test
    void legacyNonZipFormatReads() throws Exception {
        StateDict dict = PthReader.open(StateDictFixtures.path("rrdb_old_x4.pth"));
        Map<String, Tensor> t = dict.load();
        assertThat(t).containsKeys("model.0.weight", "model.1.sub.1.RDB3.conv5.0.bias", "model.1.sub.2.weight",
                "model.10.weight");
        assertThat(t.get("model.10.weight").shape()).containsExactly(3, 8, 3, 3);
        assertThat(t.get("model.0.bias").data()).doesNotContain(Float.NaN);
    }

    @Test
    void halfPrecisionStoragesWidenToFloat() throws Exception {
        StateDict dict = PthReader.open(StateDictFixtures.path("srvgg_x4_fp16.pth"));
        assertThat(dict.tensors().get("body.0.weight").dtype()).isEqualTo(DType.F16);
        Tensor slopes = dict.load().get("body.1.weight");
        assertThat(slopes.shape()).containsExactly(8);
        for (float s : slopes.data()) {
            assertThat(s).isBetween(0f, 0.5f);
        }
    }

    @Test
    void viewsHonourStorageOffsetAndStrides() throws Exception {
        Map<String, Tensor> t = PthReader.open(StateDictFixtures.path("views.pth")).load();
        // base[i][j] = 10 i + j, shape 3×4, stored as float64
        assertThat(t.get("base").data()).containsExactly(0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23);
        assertThat(t.get("transposed").shape()).containsExactly(4, 3);
        assertThat(t.get("transposed").data()).containsExactly(0, 10, 20, 1, 11, 21, 2, 12, 22, 3, 13, 23);
        assertThat(t.get("slice").shape()).containsExactly(2, 2);
        assertThat(t.get("slice").data()).containsExactly(12, 13, 22, 23);
    }

    @Test
    void osSystemGlobalIsRefusedAndNeverRun() throws Exception {
        Files.deleteIfExists(PAYLOAD_MARKER);
        assertThatThrownBy(() -> PthReader.open(StateDictFixtures.path("malicious_system.pth")).load())
                .isInstanceOf(StudioException.class)
                .hasMessage("malicious_system.pth refers to the Python global 'posix.system', which a state dict never"
                        + " needs; SR Studio refuses to load it.");
        assertThat(PAYLOAD_MARKER).doesNotExist();
    }

    @Test
    void builtinsEvalInAHandMadePickleIsRefused() throws Exception {
        // PROTO 2, GLOBAL builtins.eval, SHORT_BINUNICODE "1+1", TUPLE1, REDUCE, STOP
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[] {(byte) 0x80, 2});
        p.write("cbuiltins\neval\n".getBytes(StandardCharsets.US_ASCII));
        p.write(new byte[] {(byte) 0x8c, 3, '1', '+', '1', (byte) 0x85, 'R', '.'});
        Path file = zipWith("evil", p.toByteArray());
        assertThatThrownBy(() -> PthReader.open(file))
                .hasMessage("evil.pth refers to the Python global 'builtins.eval', which a state dict never needs;"
                        + " SR Studio refuses to load it.");
    }

    @Test
    void stackGlobalIsCheckedLikeGlobal() throws Exception {
        // PROTO 4, "subprocess" "Popen" STACK_GLOBAL, EMPTY_TUPLE, REDUCE, STOP
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[] {(byte) 0x80, 4, (byte) 0x8c, 10});
        p.write("subprocess".getBytes(StandardCharsets.US_ASCII));
        p.write(new byte[] {(byte) 0x8c, 5});
        p.write("Popen".getBytes(StandardCharsets.US_ASCII));
        p.write(new byte[] {(byte) 0x93, ')', 'R', '.'});
        Path file = zipWith("popen", p.toByteArray());
        assertThatThrownBy(() -> PthReader.open(file)).hasMessageContaining("'subprocess.Popen'");
    }

    @Test
    void truncatedZipGivesSentence() throws Exception {
        long size = Files.size(StateDictFixtures.path("rrdb_new_x4.pth"));
        Path cut = StateDictFixtures.truncated("rrdb_new_x4.pth", tmp, size / 2);
        assertThatThrownBy(() -> PthReader.open(cut).load())
                .isInstanceOf(StudioException.class)
                .hasMessageStartingWith("rrdb_new_x4.pth is truncated or corrupt")
                .hasMessageEndingWith(".");
    }

    @Test
    void truncatedLegacyFileGivesSentenceWhenItsStoragesAreRead() throws Exception {
        long size = Files.size(StateDictFixtures.path("rrdb_old_x4.pth"));
        Path cut = StateDictFixtures.truncated("rrdb_old_x4.pth", tmp, size - 100);
        StateDict dict = PthReader.open(cut);
        assertThatThrownBy(dict::load)
                .isInstanceOf(StudioException.class)
                .hasMessageContaining("rrdb_old_x4.pth")
                .hasMessageContaining("truncated");
    }

    @Test
    void truncatedPickleGivesSentence() throws Exception {
        Path cut = StateDictFixtures.truncated("rrdb_old_x4.pth", tmp, 300);
        assertThatThrownBy(() -> PthReader.open(cut))
                .hasMessage("rrdb_old_x4.pth is truncated or corrupt: its pickle ends early.");
    }

    @Test
    void otherFileGivesSentence() throws Exception {
        Path junk = tmp.resolve("junk.pth");
        Files.writeString(junk, "not a checkpoint at all");
        assertThatThrownBy(() -> PthReader.open(junk))
                .hasMessage("junk.pth is not a PyTorch checkpoint (neither a torch.save zip nor a legacy pickle).");
    }

    @Test
    void corruptedPicklesOnlyEverGiveSentences() throws Exception {
        byte[] original;
        byte[] storage;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(StateDictFixtures.path("views.pth").toFile())) {
            original = zip.getInputStream(zip.getEntry("views/data.pkl")).readAllBytes();
            storage = zip.getInputStream(zip.getEntry("views/data/0")).readAllBytes();
        }
        java.util.Random random = new java.util.Random(42);
        int refused = 0;
        for (int trial = 0; trial < 500; trial++) {
            byte[] p = original.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                p[random.nextInt(p.length)] = (byte) random.nextInt(256);
            }
            Path file = tmp.resolve("fuzz.pth");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                zip.putNextEntry(new ZipEntry("fuzz/data.pkl"));
                zip.write(p);
                zip.putNextEntry(new ZipEntry("fuzz/data/0"));
                zip.write(storage);
            }
            try {
                PthReader.open(file).load();
            } catch (StudioException e) {
                assertThat(e.getMessage()).contains("fuzz.pth").endsWith(".").doesNotContain("\n");
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }

    private Path zipWith(String name, byte[] pickle) throws IOException {
        Path file = tmp.resolve(name + ".pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(name + "/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
        }
        return file;
    }
}
