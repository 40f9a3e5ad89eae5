package org.srstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.testing.SharedData;

class SmokeCheckTest {
    @TempDir
    Path dir;

    @Test
    void smokeUpscalesTheSampleWithTheDefaultModelAndScoresIt() {
        Path model = SharedData.requireModel(SmokeCheck.DEFAULT_MODEL);

        CliRun run = CliRun.run(model.getParent(), dir.resolve("data"), "--smoke");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("smoke check passed").contains("384x384").containsPattern("PIQE \\d+\\.\\d+");
    }

    @Test
    void smokeFailsWithASentenceWhenTheDefaultModelIsMissing() {
        CliRun run = CliRun.run(dir.resolve("empty-models"), dir.resolve("data"), "--smoke");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLines()).isEqualTo(1);
        assertThat(run.err()).contains("realesrgan-x4fast cannot run").contains("fetch-models");
    }
}
