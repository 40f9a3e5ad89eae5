package org.srstudio.iqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.srstudio.testing.SharedData;

/** PSNR/SSIM in the SR papers' convention (BT.601 Y, shave 4) against the numpy reference fr_ref.py. */
class FullReferenceProtocolTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void srProtocolMatchesNumpyReference() throws Exception {
        Map<String, double[]> rows = runFrRef();
        double[] psnr = rows.get("psnr_y_sr(crop4)");
        double[] ssim = rows.get("ssim_ycbcr(crop4)");
        for (int i = 0; i < IqaReference.IMAGES.length; i++) {
            String n = IqaReference.IMAGES[i];
            assertThat(FullReference.psnr(IqaReference.dist(n), IqaReference.ref(n), FrOptions.srProtocol(4)))
                    .as("PSNR-Y " + n).isCloseTo(psnr[i], within(1e-3));
            assertThat(FullReference.ssim(IqaReference.dist(n), IqaReference.ref(n), FrOptions.srProtocol(4)))
                    .as("SSIM-Y " + n).isCloseTo(ssim[i], within(1e-3));
        }
    }

    private static Map<String, double[]> runFrRef() throws IOException, InterruptedException {
        Path script = SharedData.require("iqa/reference/fr_ref.py");
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is absent: reference test skipped");
        Process p = new ProcessBuilder(PYTHON.toString(), script.getFileName().toString())
                .directory(script.getParent().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "fr_ref.py did not run (numpy missing?): " + out);
        Map<String, double[]> rows = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t.length == 4 && !line.startsWith("pyiqa")) {
                rows.put(t[0], new double[] {Double.parseDouble(t[1]), Double.parseDouble(t[2]), Double.parseDouble(t[3])});
            }
        }
        return rows;
    }
}
