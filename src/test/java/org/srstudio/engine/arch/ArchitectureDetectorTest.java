package org.srstudio.engine.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.srstudio.engine.weights.StateDictFixtures;
import org.srstudio.engine.weights.WeightFiles;

class ArchitectureDetectorTest {
    private static Detection detect(String fixture) throws Exception {
        return ArchitectureDetector.detect(WeightFiles.open(StateDictFixtures.path(fixture)).shapes());
    }

    private static Architecture supported(String fixture) throws Exception {
        Detection d = detect(fixture);
        assertThat(d).as(fixture).isInstanceOf(Detection.Supported.class);
        return ((Detection.Supported) d).architecture();
    }

    @Test
    void basicSrKeysGiveRrdbNetHyperParameters() throws Exception {
        assertThat(supported("rrdb_new_x4.pth"))
                .isEqualTo(new RrdbNet(RrdbNet.KeyStyle.BASICSR, 3, 8, 4, 1, 2, 1));
        assertThat(supported("rrdb_new_x4.safetensors").scale()).isEqualTo(4);
    }

    @Test
    void oldEsrganKeysGiveRrdbNetHyperParameters() throws Exception {
        RrdbNet net = (RrdbNet) supported("rrdb_old_x4.pth");
        assertThat(net).isEqualTo(new RrdbNet(RrdbNet.KeyStyle.ESRGAN, 3, 8, 4, 2, 2, 1));
        assertThat(net.summary()).isEqualTo("old ESRGAN keys, 8 features, 4 growth, 2 blocks, ×4");
    }

    @Test
    void pixelUnshuffleInputMakesAnX2RrdbNet() throws Exception {
        RrdbNet net = (RrdbNet) supported("rrdb_new_x2.pth");
        assertThat(net.unshuffle()).isEqualTo(2);
        assertThat(net.scale()).isEqualTo(2);
    }

    @Test
    void compactNetworkGivesItsHyperParameters() throws Exception {
        assertThat(supported("srvgg_x4_fp16.pth")).isEqualTo(new SrVggNetCompact(3, 8, 2, 4));
        assertThat(supported("srvgg_x4_bf16.safetensors")).isEqualTo(new SrVggNetCompact(3, 8, 2, 4));
    }

    @Test
    void omniSrKeysAreNamed() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("residual_layer.0.residual_layer.0.layer.0.fn.0.weight", new int[] {64, 64, 1, 1});
        shapes.put("input.weight", new int[] {64, 3, 3, 3});
        shapes.put("up.0.weight", new int[] {48, 64, 3, 3});
        assertThat(((Detection.Unsupported) ArchitectureDetector.detect(shapes)).sentence("x.pth"))
                .isEqualTo("x.pth looks like an OmniSR network, which SR Studio cannot run yet.");
    }

    @Test
    void unknownKeysAreReported() {
        Map<String, int[]> shapes = Map.of("encoder.0.weight", new int[] {4, 3, 3, 3});
        assertThat(((Detection.Unsupported) ArchitectureDetector.detect(shapes)).sentence("y.safetensors"))
                .isEqualTo("y.safetensors matches no supported architecture (RRDBNet, SRVGGNetCompact).");
    }

    @Test
    void extraTensorMakesRrdbNetUnsupportedRatherThanWrong() throws Exception {
        Map<String, int[]> shapes = new LinkedHashMap<>(WeightFiles.open(StateDictFixtures.path("rrdb_new_x4.pth")).shapes());
        shapes.put("body.0.rdb1.norm.weight", new int[] {8});
        assertThat(((Detection.Unsupported) ArchitectureDetector.detect(shapes)).reason())
                .isEqualTo("looks like an RRDBNet (ESRGAN) network but also holds tensor body.0.rdb1.norm.weight,"
                        + " which that architecture does not have, so SR Studio cannot run it");
    }

    @Test
    void wrongShapeIsReported() throws Exception {
        Map<String, int[]> shapes = new LinkedHashMap<>(WeightFiles.open(StateDictFixtures.path("srvgg_x4_fp16.pth")).shapes());
        shapes.put("body.2.weight", new int[] {8, 8, 5, 5});
        assertThat(((Detection.Unsupported) ArchitectureDetector.detect(shapes)).reason())
                .contains("body.2.weight has shape [8,8,5,5] where [8,8,3,3] fits");
    }

    @Test
    void grayscaleCompactIsUnsupportedWithReason() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("body.0.weight", new int[] {8, 1, 3, 3});
        shapes.put("body.1.weight", new int[] {8});
        shapes.put("body.2.weight", new int[] {4, 8, 3, 3});
        assertThat(((Detection.Unsupported) ArchitectureDetector.detect(shapes)).reason())
                .contains("RGB (3-channel) models only");
    }
}
