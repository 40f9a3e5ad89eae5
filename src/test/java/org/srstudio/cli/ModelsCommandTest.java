package org.srstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.Json;

class ModelsCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonListsTheClassicalModelsAsInstalled() throws Exception {
        CliRun run = CliRun.run(dir.resolve("models"), dir.resolve("data"), "models", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = Json.mapper().readTree(run.out());
        List<String> installed = new ArrayList<>();
        root.get("models").forEach(m -> {
            if (m.get("status").asText().equals("installed")) {
                installed.add(m.get("id").asText());
            }
        });
        assertThat(installed).contains("nearest", "bilinear", "bicubic", "lanczos");
        assertThat(root.get("device").asText()).isNotBlank();
    }

    @Test
    void modelsNotFetchedYetAreListedWithTheFetchCommand() {
        CliRun run = CliRun.run(dir.resolve("models"), dir.resolve("data"), "models");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("realesrgan-x4plus\\s+GAN\\s+4\\s+not installed\\s+Run tools/fetch-models.sh");
    }
}
