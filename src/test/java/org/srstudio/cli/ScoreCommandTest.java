package org.srstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.testing.LearnedMetricFixture;
import org.srstudio.testing.SharedData;

class ScoreCommandTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.run(tmp.resolve("models"), tmp.resolve("data"), all);
        return new Run(r.exitCode(), r.out(), r.err());
    }

    private static double[] calibrationRow(String row) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("iqa/calibration/calibration_summary.csv"), StandardCharsets.UTF_8);
        for (String l : lines) {
            String[] t = l.split(",");
            if (t[0].equals(row)) {
                return new double[] {Double.parseDouble(t[1]), Double.parseDouble(t[2]), Double.parseDouble(t[3])};
            }
        }
        throw new IllegalStateException(row);
    }

    @Test
    void missingImageGivesOneSentenceAndNonZeroExit() {
        Run r = run("score", "--params", tmp.toString(), tmp.resolve("nope.png").toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err().strip()).isEqualTo("srstudio: The image " + tmp.resolve("nope.png") + " does not exist.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownMetricGivesSentence() throws Exception {
        Path img = SharedData.require("iqa/calibration/dist/I04.bmp");
        Run r = run("score", "--metrics", "niqe,lpips", img.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err().strip()).startsWith("srstudio: Unknown metric \"lpips\"").doesNotContain("\n");
    }

    @Test
    void psnrWithoutReferenceGivesSentence() throws Exception {
        Path img = SharedData.require("iqa/calibration/dist/I04.bmp");
        Run r = run("score", "--metrics", "psnr", img.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err().strip()).isEqualTo("srstudio: PSNR needs a ground-truth image: add --reference GT.");
    }

    @Test
    void csvHasOneRowPerImageWithPyiqaScores() throws Exception {
        Path params = SharedData.require("iqa/params");
        Path dist = SharedData.require("iqa/calibration/dist");
        Run r = run("score", "--params", params.toString(), "--format", "csv", "--metrics", "niqe,brisque,piqe",
                dist.resolve("I03.bmp").toString(), dist.resolve("I04.bmp").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines[0]).isEqualTo("image,niqe,brisque,piqe");
        assertThat(lines).hasSize(3);
        String[] i04 = lines[2].split(",");
        assertThat(Double.parseDouble(i04[1])).isCloseTo(calibrationRow("niqe(ours)")[1], within(0.01));
        assertThat(Double.parseDouble(i04[3])).isCloseTo(calibrationRow("piqe(ours)")[1], within(0.05));
    }

    @Test
    void jsonCarriesPsnrAgainstReferenceAndDirections() throws Exception {
        Path dist = SharedData.require("iqa/calibration/dist/I03.bmp");
        Path ref = SharedData.require("iqa/calibration/ref/I03.bmp");
        Run r = run("score", "--params", tmp.toString(), "--format", "json", "--metrics", "psnr,ssim",
                "--color", "rgb", "--reference", ref.toString(), dist.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out()).get(0);
        assertThat(n.at("/scores/psnr/value").asDouble()).isCloseTo(calibrationRow("psnr(ours)")[0], within(1e-3));
        assertThat(n.at("/scores/psnr/better").asText()).isEqualTo("higher");
    }

    @Test
    void unavailableNiqeIsReportedOnceAndExitIsNonZero() throws Exception {
        Path img = SharedData.require("iqa/calibration/dist/I04.bmp");
        Run r = run("score", "--params", tmp.toString(), "--metrics", "niqe,piqe", img.toString(), img.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip().split("\n")).hasSize(1);
        assertThat(r.err()).contains("NIQE is unavailable");
        assertThat(r.out()).contains("n/a");
    }

    @Test
    void fittedModelIsWrittenAndUsedByScore() throws Exception {
        Path ref = SharedData.require("iqa/calibration/ref");
        Path model = tmp.resolve("iqa").resolve("niqe_pris_params.npz");
        Run fit = run("fit-niqe", "--output", model.toString(), ref.toString());
        assertThat(fit.exit()).as(fit.err()).isZero();
        assertThat(model).exists();
        Run score = run("score", "--params", model.getParent().toString(), "--metrics", "niqe", "--format", "csv",
                ref.resolve("I04.bmp").toString());
        assertThat(score.exit()).as(score.err()).isZero();
        assertThat(Double.parseDouble(score.out().strip().split("\n")[1].split(",")[1])).isFinite().isPositive();
    }

    @Test
    void aLearnedMetricInTheModelsFolderIsScoredByName() throws Exception {
        LearnedMetricFixture.installInto(tmp.resolve("models"));
        Path png = LearnedMetricFixture.uniformPng(tmp.resolve("gray.png"), 64, 48, 51, 102, 153);
        Run r = run("score", "--metrics", "tiny-mean,piqe", "--format", "csv", png.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines[0]).isEqualTo("image,tiny-mean,piqe");
        assertThat(Double.parseDouble(lines[1].split(",")[1])).isCloseTo(10 * (51 + 102 + 153) / (3 * 255.0), within(1e-4));
        Run text = run("score", "--metrics", "tiny-mean", png.toString());
        assertThat(text.out()).contains("tiny-mean ↑");
    }

    @Test
    void anUnknownMetricNamesTheLearnedOnesAmongTheChoices() throws Exception {
        LearnedMetricFixture.installInto(tmp.resolve("models"));
        Path png = LearnedMetricFixture.uniformPng(tmp.resolve("gray.png"), 64, 48, 1, 2, 3);
        Run r = run("score", "--metrics", "musiq", png.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err().strip())
                .isEqualTo("srstudio: Unknown metric \"musiq\"; choose from niqe, brisque, piqe, psnr, ssim, tiny-mean.");
    }
}
