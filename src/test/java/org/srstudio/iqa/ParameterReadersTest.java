package org.srstudio.iqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioException;
import org.srstudio.iqa.params.BrisqueModels;
import org.srstudio.iqa.params.IqaParameters;
import org.srstudio.iqa.params.NiqeModels;
import org.srstudio.testing.SharedData;

class ParameterReadersTest {
    @TempDir
    Path tmp;

    private static Path fixture(String name) {
        return SharedData.repoRoot().resolve("src/test/resources/iqa").resolve(name);
    }

    /** The synthetic model tools/fixtures/make_iqa_param_fixtures.py documents: mu = 1 + i/8, cov = AAᵀ/36 + I. */
    private static void assertSyntheticModel(NiqeModel m) {
        double[] mu = m.mu();
        double[][] cov = m.cov();
        for (int i = 0; i < 36; i++) {
            assertThat(mu[i]).isEqualTo(1 + i / 8.0);
            for (int j = 0; j < 36; j++) {
                double s = 0;
                for (int k = 0; k < 36; k++) {
                    s += Math.sin(i + 2 * k) * Math.sin(j + 2 * k);
                }
                assertThat(cov[i][j]).as("cov %d,%d", i, j).isCloseTo(s / 36 + (i == j ? 1 : 0), within(1e-12));
            }
        }
    }

    @Test
    void compressedMatFileGivesLiveArrays() throws Exception {
        assertSyntheticModel(NiqeModels.read(fixture("niqe_live_layout_compressed.mat")));
    }

    @Test
    void uncompressedMatFileGivesLiveArrays() throws Exception {
        assertSyntheticModel(NiqeModels.read(fixture("niqe_live_layout_plain.mat")));
    }

    @Test
    void basicsrNpzWithFortranOrderGivesArrays() throws Exception {
        assertSyntheticModel(NiqeModels.read(fixture("niqe_basicsr_layout.npz")));
    }

    @Test
    void writtenNpzReadsBack() throws Exception {
        NiqeModel m = NiqeModels.read(fixture("niqe_basicsr_layout.npz"));
        Path out = tmp.resolve("niqe_pris_params.npz");
        NiqeModels.writeNpz(out, m);
        NiqeModel back = NiqeModels.read(out);
        assertThat(back.mu()).containsExactly(m.mu());
        assertThat(back.cov()).isDeepEqualTo(m.cov());
    }

    @Test
    void truncatedMatFileGivesSentence() throws Exception {
        byte[] b = Files.readAllBytes(fixture("niqe_live_layout_plain.mat"));
        Path cut = tmp.resolve("modelparameters.mat");
        Files.write(cut, Arrays.copyOf(b, 700));
        assertThatThrownBy(() -> NiqeModels.read(cut)).isInstanceOf(StudioException.class)
                .hasMessageContaining("modelparameters.mat").hasMessageEndingWith(".");
    }

    @Test
    void hdf5MatFileIsRefusedWithHowTo() throws Exception {
        Path f = tmp.resolve("v73.mat");
        byte[] b = new byte[256];
        byte[] head = "MATLAB 7.3 MAT-file, Platform: GLNXA64".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        Files.write(f, b);
        assertThatThrownBy(() -> NiqeModels.read(f)).hasMessageContaining("v7.3");
    }

    @Test
    void libsvmModelPredictsTheSvrFormula() throws Exception {
        Path model = tmp.resolve("allmodel");
        Path range = tmp.resolve("allrange");
        Files.writeString(model, "svm_type epsilon_svr\nkernel_type rbf\ngamma 0.5\nnr_class 2\ntotal_sv 2\nrho -3\n"
                + "probA 5\nSV\n2 1:0.5 36:-1 \n-1 2:0.25\n");
        StringBuilder r = new StringBuilder("x\n-1 1\n");
        for (int i = 1; i <= 36; i++) {
            r.append(i).append(" 0 2\n");
        }
        Files.writeString(range, r);
        BrisqueModel m = BrisqueModels.fromLibsvm(model, range);
        double[] f = new double[36];
        Arrays.fill(f, 1.0); // scales to 0 everywhere
        double d1 = 0.25 + 1;
        double d2 = 0.0625;
        assertThat(m.predict(f)).isCloseTo(2 * Math.exp(-0.5 * d1) - Math.exp(-0.5 * d2) + 3, within(1e-12));
    }

    @Test
    void openCvModelFilesAreRead() throws Exception {
        Path dir = IqaParameters.OPENCV_SYSTEM_DIR;
        assumeTrue(Files.isRegularFile(dir.resolve("brisque_model_live.yml")), "opencv-data is not installed: skipped");
        BrisqueModel m = BrisqueModels.fromOpenCv(dir.resolve("brisque_model_live.yml"), dir.resolve("brisque_range_live.yml"));
        String text = Files.readString(dir.resolve("brisque_model_live.yml"));
        assertThat(m.supportVectors().length).isEqualTo(Integer.parseInt(text.replaceAll("(?s).*sv_total: (\\d+).*", "$1")));
        assertThat(m.gamma()).isEqualTo(0.05, within(1e-12));
        assertThat(m.featureMin()[0]).isCloseTo(0.344, within(1e-6));
        assertThat(m.featureMax()[0]).isEqualTo(10.0);
    }

    @Test
    void sharedCsvTablesAreDiscoveredInAFolder() throws Exception {
        Path dir = SharedData.require("iqa/params");
        IqaParameters p = IqaParameters.standard(dir);
        assertThat(p.niqe().available()).isTrue();
        assertThat(p.brisque().available()).isTrue();
        assertThat(p.brisque().value().get().supportVectors().length).isEqualTo(774);
        assertThat(p.brisque().value().get().source()).startsWith("CSV");
    }

    @Test
    void emptyFolderReportsHowToProvideParameters() {
        IqaParameters p = new IqaParameters(tmp, List.of());
        assertThat(p.niqe().available()).isFalse();
        assertThat(p.niqe().reason()).contains("niqe_pris_params.npz").contains("fit-niqe").endsWith(".");
        assertThat(p.brisque().available()).isFalse();
        assertThat(p.brisque().reason()).contains("allmodel").endsWith(".");
    }

    @Test
    void brokenParameterFileMakesMetricUnavailableWithSentence() throws Exception {
        Files.writeString(tmp.resolve("niqe_pris_params.npz"), "not a zip");
        IqaParameters p = new IqaParameters(tmp, List.of());
        assertThat(p.niqe().available()).isFalse();
        assertThat(p.niqe().reason()).startsWith("NIQE is unavailable:").contains("niqe_pris_params.npz");
    }
}
