package org.srstudio.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelFamily;
import org.srstudio.core.model.ModelRegistry;
import org.srstudio.core.model.ModelStatus;
import org.srstudio.core.upscale.Upscaler;

class StateDictModelLoaderTest {
    private static final Path PAYLOAD_MARKER = Path.of("/tmp/srstudio-pickle-payload-ran");

    @TempDir
    Path models;

    private final StateDictModelLoader loader = new StateDictModelLoader();

    @Test
    void looseFileGetsAGeneratedManifest() throws Exception {
        Path file = copy("rrdb_old_x4.pth", "4x-Foo_Bar.pth");
        ModelEntry entry = loader.describe(file).orElseThrow();
        assertThat(entry.status()).isEqualTo(ModelStatus.INSTALLED);
        assertThat(entry.id()).isEqualTo("4x-foo_bar");
        assertThat(entry.manifest().name()).isEqualTo("4x-Foo_Bar");
        assertThat(entry.manifest().family()).isEqualTo(ModelFamily.GAN);
        assertThat(entry.manifest().format()).isEqualTo("pth");
        assertThat(entry.manifest().scales()).containsExactly(4);
        assertThat(entry.manifest().license()).isEqualTo("unknown — check the model's source");
        assertThat(entry.manifest().engine().get("weights").asText()).isEqualTo("4x-Foo_Bar.pth");
        assertThat(entry.manifest().engine().get("architecture").asText()).isEqualTo("RRDBNet (ESRGAN)");
        assertThat(entry.folder()).contains(models.toAbsolutePath());
    }

    @Test
    void looseFileOfAnotherArchitectureIsUnsupportedWithItsReason() throws Exception {
        Path file = omniSr("4x_Some_Omni.safetensors");
        ModelEntry entry = loader.describe(file).orElseThrow();
        assertThat(entry.status()).isEqualTo(ModelStatus.UNSUPPORTED);
        assertThat(entry.note()).isEqualTo("4x_Some_Omni.safetensors looks like an OmniSR network, which SR Studio"
                + " cannot run yet.");
        assertThat(entry.manifest().scales()).containsExactly(4);
    }

    @Test
    void otherFilesAreNotDescribed() throws Exception {
        Path txt = Files.writeString(models.resolve("notes.txt"), "hello");
        assertThat(loader.describe(txt)).isEmpty();
    }

    @Test
    void changedFileIsScannedAgain() throws Exception {
        Path file = omniSr("model.safetensors");
        assertThat(loader.describe(file).orElseThrow().status()).isEqualTo(ModelStatus.UNSUPPORTED);
        Files.copy(StateDictFixtures.path("srvgg_x4_bf16.safetensors"), file, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        assertThat(loader.describe(file).orElseThrow().status()).isEqualTo(ModelStatus.INSTALLED);
    }

    @Test
    void registryListsLooseFilesAndManifestFoldersWithTheirStatus() throws Exception {
        Files.deleteIfExists(PAYLOAD_MARKER);
        copy("srvgg_x4_fp16.pth", "4x-Compact.pth");
        omniSr("4x-Omni.safetensors");
        copy("malicious_system.pth", "evil.pth");
        Path mine = Files.createDirectories(models.resolve("mine"));
        Files.copy(StateDictFixtures.path("rrdb_new_x4.safetensors"), mine.resolve("w.safetensors"));
        Files.writeString(mine.resolve("model.json"), manifest("mine", "[4]", "w.safetensors"));
        Path wrong = Files.createDirectories(models.resolve("wrong-scale"));
        Files.copy(StateDictFixtures.path("rrdb_new_x2.pth"), wrong.resolve("w.pth"));
        Files.writeString(wrong.resolve("model.json"), manifest("wrong-scale", "[4]", "w.pth").replace("safetensors", "pth"));

        ModelRegistry registry = new ModelRegistry(models, List.of(loader), List.of(), List.of());

        assertThat(status(registry, "4x-compact")).isEqualTo(ModelStatus.INSTALLED);
        assertThat(status(registry, "mine")).isEqualTo(ModelStatus.INSTALLED);
        assertThat(status(registry, "4x-omni")).isEqualTo(ModelStatus.UNSUPPORTED);
        assertThat(registry.find("evil").orElseThrow().note()).isEqualTo("evil.pth refers to the Python global"
                + " 'posix.system', which a state dict never needs; SR Studio refuses to load it.");
        assertThat(registry.find("wrong-scale").orElseThrow().note())
                .isEqualTo("Model wrong-scale lists scales [4] but w.pth is a ×2 RRDBNet (ESRGAN) network.");
        assertThat(PAYLOAD_MARKER).doesNotExist();
    }

    @Test
    void registryOpensALooseModelAndItUpscales() throws Exception {
        copy("srvgg_x4_fp16.pth", "4x-Compact.pth");
        ModelRegistry registry = new ModelRegistry(models, List.of(loader), List.of(), List.of());
        FloatImage input = new FloatImage(StateDictFixtures.INPUT_W, StateDictFixtures.INPUT_H, 3,
                StateDictFixtures.floats("input_3x10x12.f32"));
        float[] expected = StateDictFixtures.floats("srvgg_x4_fp16.out.f32");
        try (Upscaler up = registry.open("4x-compact")) {
            FloatImage out = up.upscale(input, 4, ModelParameters.DEFAULTS, JobContext.NONE);
            float worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(out.data()[i] - expected[i]));
            }
            assertThat(worst).isLessThanOrEqualTo(1e-4f);
        }
    }

    @Test
    void oddSizedImageRunsThroughAPixelUnshuffleModelAsRealEsrganPadsIt() throws Exception {
        copy("rrdb_new_x2.pth", "2x-unshuffle.pth");
        ModelRegistry registry = new ModelRegistry(models, List.of(loader), List.of(), List.of());
        FloatImage whole = new FloatImage(StateDictFixtures.INPUT_W, StateDictFixtures.INPUT_H, 3,
                StateDictFixtures.floats("input_3x10x12.f32"));
        FloatImage odd = whole.crop(0, 0, 11, 9);
        float[] expected = StateDictFixtures.floats("rrdb_new_x2_odd_9x11.out.f32");
        try (Upscaler up = registry.open("2x-unshuffle")) {
            FloatImage out = up.upscale(odd, 2, ModelParameters.DEFAULTS, JobContext.NONE);
            assertThat(out.width()).isEqualTo(22);
            assertThat(out.height()).isEqualTo(18);
            float worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(out.data()[i] - expected[i]));
            }
            assertThat(worst).isLessThanOrEqualTo(1e-4f);
        }
    }

    @Test
    void weightsOutsideTheFolderAreRefused() throws Exception {
        copy("rrdb_new_x4.pth", "outside.pth");
        Path sneaky = Files.createDirectories(models.resolve("sneaky"));
        Files.writeString(sneaky.resolve("model.json"), manifest("sneaky", "[4]", "../outside.pth")
                .replace("\"files\": [{\"path\": \"../outside.pth\"}], ", "").replace("safetensors", "pth"));
        ModelRegistry registry = new ModelRegistry(models, List.of(loader), List.of(), List.of());
        assertThat(registry.find("sneaky").orElseThrow().note())
                .isEqualTo("Model sneaky names weights outside its folder: ../outside.pth.");
    }

    @Test
    void scaleIsGuessedFromTheNameOfAnUnrunnableFile() {
        assertThat(StateDictModelLoader.scaleFromName("4x_WTP_descreenton")).isEqualTo(4);
        assertThat(StateDictModelLoader.scaleFromName("RealESRGAN_x2plus")).isEqualTo(2);
        assertThat(StateDictModelLoader.scaleFromName("model_x2")).isEqualTo(2);
        assertThat(StateDictModelLoader.scaleFromName("denoise")).isEqualTo(1);
    }

    private static ModelStatus status(ModelRegistry registry, String id) {
        Optional<ModelEntry> e = registry.find(id);
        assertThat(e).as(id).isPresent();
        return e.get().status();
    }

    private static String manifest(String id, String scales, String weights) {
        return "{\"id\": \"" + id + "\", \"family\": \"gan\", \"format\": \"safetensors\", \"scales\": " + scales
                + ", \"files\": [{\"path\": \"" + weights + "\"}], \"engine\": {\"weights\": \"" + weights + "\"}}";
    }

    private Path copy(String fixture, String as) throws IOException {
        return Files.copy(StateDictFixtures.path(fixture), models.resolve(as));
    }

    /** A safetensors file with OmniSR's key layout (values are irrelevant to detection). */
    private Path omniSr(String name) throws IOException {
        String header = "{\"residual_layer.0.residual_layer.0.layer.0.fn.0.weight\":{\"dtype\":\"F32\",\"shape\":[2,2,1,1],"
                + "\"data_offsets\":[0,16]},\"input.weight\":{\"dtype\":\"F32\",\"shape\":[2,3,1,1],\"data_offsets\":[16,40]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.write(h);
        out.write(new byte[40]);
        return Files.write(models.resolve(name), out.toByteArray());
    }
}
