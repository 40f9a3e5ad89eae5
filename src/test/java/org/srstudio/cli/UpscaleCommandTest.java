package org.srstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srstudio.core.Json;
import org.srstudio.core.image.ImageEncoder;
import org.srstudio.core.store.ResultStore;

class UpscaleCommandTest {
    @TempDir
    Path dir;
    Path models;
    Path data;
    Path out;

    @BeforeEach
    void folders() throws IOException {
        models = Files.createDirectories(dir.resolve("models"));
        data = dir.resolve("data");
        out = dir.resolve("out");
    }

    private Path png(String name, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 20 << 16) | (y * 20 << 8) | ((x + y) * 7));
            }
        }
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void bicubicTimesFourWritesAFourTimesLargerPngWithItsParametersInside() throws Exception {
        Path input = png("photo.png", 16, 12);

        CliRun run = CliRun.run(models, data, "upscale", "-m", "bicubic", "-s", "4", "--seed", "7", "-o", out.toString(), input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path result = out.resolve("photo_bicubic_x4.png");
        assertThat(run.out().strip()).isEqualTo(result.toString());
        BufferedImage written = ImageIO.read(result.toFile());
        assertThat(written.getWidth()).isEqualTo(64);
        assertThat(written.getHeight()).isEqualTo(48);
        JsonNode provenance = Json.mapper().readTree(ImageEncoder.readTextMetadata(result).get(ResultStore.PROVENANCE_KEY));
        assertThat(provenance.get("modelId").asText()).isEqualTo("bicubic");
        assertThat(provenance.get("scale").asInt()).isEqualTo(4);
        assertThat(provenance.get("seed").asLong()).isEqualTo(7);
        assertThat(provenance.get("inputSha256").asText()).hasSize(64);
        assertThat(provenance.get("inputWidth").asInt()).isEqualTo(16);
    }

    @Test
    void resultIsAlsoKeptInTheStoreAndNeverOverwritten() throws Exception {
        Path input = png("photo.png", 8, 8);

        CliRun.run(models, data, "upscale", "-m", "nearest", "-s", "2", "-o", out.toString(), input.toString());
        CliRun second = CliRun.run(models, data, "upscale", "-m", "nearest", "-s", "2", "-o", out.toString(), input.toString());

        assertThat(second.exitCode()).isZero();
        assertThat(out.resolve("photo_nearest_x2.png")).exists();
        assertThat(out.resolve("photo_nearest_x2_2.png")).exists();
        assertThat(new ResultStore(data.resolve("results")).list()).hasSize(2);
    }

    @Test
    void foldersAreSearchedRecursivelyAndTheirLayoutMirrored() throws Exception {
        png("in/a.png", 8, 8);
        png("in/sub/b.png", 8, 8);

        CliRun run = CliRun.run(models, data, "upscale", "-m", "bilinear", "-s", "2", "-o", out.toString(), dir.resolve("in").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("a_bilinear_x2.png")).exists();
        assertThat(out.resolve("sub/b_bilinear_x2.png")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "missing file, missing.png, '', does not exist",
            "corrupt image, corrupt.png, corrupt, corrupt.png is not an image",
            "truncated image, truncated.png, truncated, truncated",
            "unsupported format, notes.txt, text, notes.txt",
            "over the pixel budget, big.png, big, limit",
            "unknown model, good.png, unknown-model, Unknown model",
    })
    void badInputGivesOneSentenceANonZeroExitAndNoFile(String what, String name, String kind, String words) throws Exception {
        Path input = dir.resolve(name);
        String model = "bicubic";
        String[] extra = {};
        switch (kind) {
            case "corrupt" -> Files.write(input, "this is not a png at all, just words".getBytes());
            case "truncated" -> {
                byte[] full = Files.readAllBytes(png("full.png", 64, 64));
                Files.write(input, Arrays.copyOf(full, full.length / 2));
            }
            case "text" -> Files.writeString(input, "hello");
            case "big" -> {
                png(name, 40, 40);
                extra = new String[] {"--max-pixels", "1000"};
            }
            case "unknown-model" -> {
                png(name, 8, 8);
                model = "no-such-model";
            }
            default -> { }
        }
        String[] args = Stream.concat(Stream.of("upscale", "-m", model, "-s", "4", "-o", out.toString()),
                Stream.concat(Arrays.stream(extra), Stream.of(input.toString()))).toArray(String[]::new);

        CliRun run = CliRun.run(models, data, args);

        assertThat(run.exitCode()).as(what).isNotZero();
        assertThat(run.errorLines()).as(run.err()).isEqualTo(1);
        assertThat(run.hasStackTrace()).as(run.err()).isFalse();
        if (words != null && !words.isBlank()) {
            assertThat(run.err().toLowerCase()).contains(words.toLowerCase());
        }
        assertThat(filesUnder(out)).as("files left behind").isEmpty();
        assertThat(filesUnder(data.resolve("results"))).as("store entries left behind").isEmpty();
    }

    @Test
    void oneBadFileInABatchDoesNotStopTheOthers() throws Exception {
        png("in/a.png", 8, 8);
        Files.writeString(dir.resolve("in/broken.png"), "garbage");
        png("in/c.png", 8, 8);

        CliRun run = CliRun.run(models, data, "upscale", "-m", "nearest", "-s", "2", "-o", out.toString(), dir.resolve("in").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLines()).isEqualTo(1);
        assertThat(out.resolve("a_nearest_x2.png")).exists();
        assertThat(out.resolve("c_nearest_x2.png")).exists();
        assertThat(filesUnder(out)).hasSize(2);
    }

    @Test
    void scaleTheModelCannotDoIsRefused() throws Exception {
        CliRun run = CliRun.run(models, data, "upscale", "-m", "bicubic", "-s", "9", png("a.png", 8, 8).toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errorLines()).isEqualTo(1);
        assertThat(run.err()).contains("not by 9");
    }

    @Test
    void badParameterIsAUsageErrorWithOneSentence() throws Exception {
        CliRun run = CliRun.run(models, data, "upscale", "-m", "bicubic", "--steps", "0", png("a.png", 8, 8).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).isEqualTo(1);
        assertThat(run.err()).contains("Steps must be between 1 and 10000");
    }

    @Test
    void promptDirFillsBothPromptsFromXpsrSidecarsIntoTheProvenance() throws Exception {
        Path input = png("cat.png", 8, 8);
        Path prompts = dir.resolve("prompts");
        Files.createDirectories(prompts.resolve("highlevel_prompt"));
        Files.createDirectories(prompts.resolve("lowlevel_prompt_q"));
        Files.writeString(prompts.resolve("highlevel_prompt/cat.txt"), "A grey cat on a sofa.\nsecond line ignored");
        Files.writeString(prompts.resolve("lowlevel_prompt_q/cat.txt"), "The image is blurry and noisy.");

        CliRun run = CliRun.run(models, data, "upscale", "-m", "nearest", "-s", "2", "--prompt-dir", prompts.toString(),
                "-o", out.toString(), input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode parameters = Json.mapper().readTree(ImageEncoder.readTextMetadata(out.resolve("cat_nearest_x2.png"))
                .get(ResultStore.PROVENANCE_KEY)).get("parameters");
        assertThat(parameters.get("prompt").asText()).isEqualTo("A grey cat on a sofa.");
        assertThat(parameters.get("lowLevelPrompt").asText()).isEqualTo("The image is blurry and noisy.");
    }

    @Test
    void promptDirThatIsNotAFolderIsAUsageError() throws Exception {
        CliRun run = CliRun.run(models, data, "upscale", "-m", "nearest", "--prompt-dir", dir.resolve("nope").toString(),
                png("a.png", 8, 8).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).isEqualTo(1);
    }
}
