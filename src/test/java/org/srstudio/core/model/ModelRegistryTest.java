package org.srstudio.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioException;
import org.srstudio.core.upscale.Upscaler;

class ModelRegistryTest {
    @TempDir
    Path models;

    private static final ModelLoader FAKE_NCNN = new ModelLoader() {
        @Override
        public boolean supports(ModelManifest manifest) {
            return manifest.format().equals("ncnn");
        }

        @Override
        public Upscaler load(ModelEntry entry) {
            return (input, scale, parameters, context) -> input;
        }
    };

    private void writeModel(String id, String json, String... files) throws IOException {
        Path dir = Files.createDirectories(models.resolve(id));
        Files.writeString(dir.resolve("model.json"), json);
        for (String f : files) {
            Files.writeString(dir.resolve(f), "weights");
        }
    }

    private static String manifest(String id, String format) {
        return """
                {"id": "%s", "name": "Test %s", "family": "gan", "format": "%s", "scales": [4],
                 "license": "BSD-3-Clause", "files": [{"path": "net.param"}, {"path": "net.bin"}]}
                """.formatted(id, id, format);
    }

    @Test
    void folderWithManifestAndFilesIsInstalled() throws Exception {
        writeModel("net", manifest("net", "ncnn"), "net.param", "net.bin");

        var registry = new ModelRegistry(models, List.of(FAKE_NCNN), List.of(), List.of());

        assertThat(registry.find("net")).get().extracting(ModelEntry::status).isEqualTo(ModelStatus.INSTALLED);
        assertThat(registry.find("net").get().manifest().name()).isEqualTo("Test net");
        assertThat(registry.open("net")).isNotNull();
    }

    @Test
    void missingFilesMakeTheModelNotInstalledWithAHowTo() throws Exception {
        writeModel("net", manifest("net", "ncnn"), "net.param");

        var registry = new ModelRegistry(models, List.of(FAKE_NCNN), List.of(), List.of());

        ModelEntry entry = registry.find("net").orElseThrow();
        assertThat(entry.status()).isEqualTo(ModelStatus.NOT_INSTALLED);
        assertThat(entry.note()).contains("net.bin");
        assertThatThrownBy(() -> registry.open("net")).isInstanceOf(StudioException.class).hasMessageContaining("not installed");
    }

    @Test
    void formatWithoutLoaderIsListedAsUnsupported() throws Exception {
        writeModel("net", manifest("net", "onnx"), "net.param", "net.bin");

        var registry = new ModelRegistry(models, List.of(FAKE_NCNN), List.of(), List.of());

        assertThat(registry.find("net").orElseThrow().status()).isEqualTo(ModelStatus.UNSUPPORTED);
        assertThat(registry.find("net").orElseThrow().note()).contains("'onnx'");
    }

    @Test
    void invalidManifestIsListedWithItsReasonAndOthersStillLoad() throws Exception {
        writeModel("broken", "{\"id\": \"Bad Id!\", \"family\": \"gan\", \"format\": \"ncnn\", \"scales\": [4]}");
        writeModel("net", manifest("net", "ncnn"), "net.param", "net.bin");

        var registry = new ModelRegistry(models, List.of(FAKE_NCNN), List.of(), List.of());

        assertThat(registry.find("broken").orElseThrow().status()).isEqualTo(ModelStatus.UNSUPPORTED);
        assertThat(registry.find("broken").orElseThrow().note()).contains("invalid").contains("Bad Id!");
        assertThat(registry.find("net").orElseThrow().isRunnable()).isTrue();
    }

    @Test
    void catalogueCardIsNotInstalledUntilItsFolderAppears() throws Exception {
        ModelManifest card = ManifestReader.parse(new java.io.ByteArrayInputStream(
                (manifest("net", "ncnn").replace("}\n", ", \"install\": \"Run tools/fetch-models.sh.\"}\n")).getBytes()), "card");
        var registry = new ModelRegistry(models, List.of(FAKE_NCNN), List.of(), List.of(card));
        assertThat(registry.find("net").orElseThrow().status()).isEqualTo(ModelStatus.NOT_INSTALLED);
        assertThat(registry.find("net").orElseThrow().note()).isEqualTo("Run tools/fetch-models.sh.");

        writeModel("net", manifest("net", "ncnn"), "net.param", "net.bin");
        registry.refresh();

        assertThat(registry.find("net").orElseThrow().status()).isEqualTo(ModelStatus.INSTALLED);
    }

    @Test
    void looseWeightFilesAreDescribedByTheLoaderThatKnowsThem() throws Exception {
        Files.writeString(models.resolve("2x-Thing.pth"), "weights");
        ModelLoader pth = new ModelLoader() {
            @Override
            public boolean supports(ModelManifest manifest) {
                return manifest.format().equals("pth");
            }

            @Override
            public Upscaler load(ModelEntry entry) {
                return null;
            }

            @Override
            public Optional<ModelEntry> describe(Path file) {
                if (!file.toString().endsWith(".pth")) {
                    return Optional.empty();
                }
                ModelManifest m = new ModelManifest("2x-thing", "2x-Thing", null, ModelFamily.GAN, "pth", List.of(2),
                        null, null, null, null, null, null, null, null);
                return Optional.of(new ModelEntry(m, Optional.of(file), ModelStatus.INSTALLED, ""));
            }
        };

        var registry = new ModelRegistry(models, List.of(pth), List.of(), List.of());

        assertThat(registry.find("2x-thing")).isPresent();
    }

    @Test
    void unknownModelGivesASentenceNamingTheListCommand() {
        var registry = new ModelRegistry(models, List.of(), List.of(), List.of());
        assertThatThrownBy(() -> registry.open("nope")).hasMessage("Unknown model 'nope'; run 'srstudio models' to list the models.");
    }

    @Test
    void userFolderComesFirstAndBundledModelsStillAppear(@TempDir Path bundled) throws Exception {
        writeModel("net", manifest("net", "ncnn"), "net.param", "net.bin");
        Path other = Files.createDirectories(bundled.resolve("other"));
        Files.writeString(other.resolve("model.json"), manifest("other", "ncnn"));
        Files.writeString(other.resolve("net.param"), "w");
        Files.writeString(other.resolve("net.bin"), "w");

        var registry = new ModelRegistry(List.of(models, bundled), List.of(FAKE_NCNN), List.of(), List.of());

        assertThat(registry.modelsDir()).isEqualTo(models);
        assertThat(registry.find("net")).isPresent();
        assertThat(registry.find("other").orElseThrow().folder()).contains(other);
    }
}
