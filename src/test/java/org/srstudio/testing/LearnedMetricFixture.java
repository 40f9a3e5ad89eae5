package org.srstudio.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * The tiny TorchScript quality model of tools/fixtures/make_iqa_torchscript_fixture.py: its score is 10 × the
 * mean RGB value (in [0, 1]) of its 32 × 32 patches, so a uniform image scores 10 × its mean colour whatever the
 * patch layout.
 */
public final class LearnedMetricFixture {
    public static final String NAME = "tiny-mean";

    private LearnedMetricFixture() {
    }

    /** Copies the exported metric into {@code models/iqa/tiny/}, where the studio looks for learned metrics. */
    public static Path installInto(Path modelsDir) throws IOException {
        Path source = SharedData.repoRoot().resolve("src/test/resources/iqa/learned-tiny");
        Path target = Files.createDirectories(modelsDir.resolve("iqa").resolve("tiny"));
        for (String f : new String[] {"iqa.json", "model.pt"}) {
            Files.copy(source.resolve(f), target.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** A PNG of one colour; the fixture scores it 10 × (r + g + b) / (3 · 255). */
    public static Path uniformPng(Path file, int w, int h, int r, int g, int b) throws IOException {
        return png(file, w, h, (x, y) -> (r << 16) | (g << 8) | b);
    }

    /** A PNG black on its left half and white on its right half. */
    public static Path blackThenWhitePng(Path file, int w, int h) throws IOException {
        return png(file, w, h, (x, y) -> x < w / 2 ? 0 : 0xFFFFFF);
    }

    private interface Pixels {
        int rgb(int x, int y);
    }

    private static Path png(Path file, int w, int h, Pixels pixels) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, pixels.rgb(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
