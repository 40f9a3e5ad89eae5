package org.srstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CLI runs each fixture diffusion folder once it is copied into the models folder. */
class DiffusionUpscaleCommandTest {
    @TempDir
    Path dir;

    private static Path fixture(String shape) throws URISyntaxException {
        return Path.of(DiffusionUpscaleCommandTest.class.getResource("/fixtures/diffusion/" + shape + "/model.json").toURI()).getParent();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private Path png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 20 << 16) | (y * 20 << 8) | ((x + y) * 7));
            }
        }
        Path file = dir.resolve("photo.png");
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @ParameterizedTest
    @CsvSource({"s3diff-like,4,1", "tsdsr-like,4,1", "xpsr-like,4,3", "moesr-like,8,5"})
    void upscalesWithPromptsGuidanceStepsAndSeedTheSameWayTwice(String shape, int scale, int steps) throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        copyTree(fixture(shape), models.resolve(shape));
        Path input = png(9, 7);
        String id = "fixture-" + shape;
        String[] args = {"upscale", "-m", id, "-s", Integer.toString(scale), "--steps", Integer.toString(steps), "--guidance", "1.05",
                "--prompt", "a photo of a dog", "--negative-prompt", "blurry", "--seed", "11", "-o", dir.resolve("out").toString(),
                input.toString()};

        CliRun first = CliRun.run(models, dir.resolve("data"), args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path result = Path.of(first.out().strip());
        BufferedImage a = ImageIO.read(result.toFile());
        Files.move(result, dir.resolve("first.png"));
        CliRun second = CliRun.run(models, dir.resolve("data"), args);
        assertThat(second.exitCode()).as(second.err()).isZero();
        BufferedImage b = ImageIO.read(Path.of(second.out().strip()).toFile());

        assertThat(a.getWidth()).isEqualTo(9 * scale);
        assertThat(a.getHeight()).isEqualTo(7 * scale);
        assertThat(b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()))
                .containsExactly(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()));
    }
}
