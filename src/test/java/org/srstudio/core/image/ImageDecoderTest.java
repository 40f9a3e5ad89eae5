package org.srstudio.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.srstudio.core.image.TestImages.BLUE;
import static org.srstudio.core.image.TestImages.GREEN;
import static org.srstudio.core.image.TestImages.RED;
import static org.srstudio.core.image.TestImages.WHITE;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.srstudio.core.StudioException;

class ImageDecoderTest {
    @TempDir
    Path dir;

    private final ImageDecoder decoder = new ImageDecoder();

    // ---- bad inputs: one sentence each, naming the file, and nothing created ----

    private void assertRefused(Path file, String... keyWords) throws Exception {
        List<Path> before = listing();
        assertThatThrownBy(() -> decoder.decode(file))
                .isInstanceOf(StudioException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContainingAll(keyWords)
                .satisfies(e -> assertThat(e.getMessage()).endsWith(".").doesNotContain("\n").doesNotContain("Exception"));
        assertThat(listing()).isEqualTo(before);
    }

    private List<Path> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void missingFileGivesSentence() throws Exception {
        assertRefused(dir.resolve("nowhere.png"), "does not exist");
        assertThatThrownBy(() -> decoder.probe(dir.resolve("nowhere.png"))).hasMessageContaining("does not exist");
    }

    @Test
    void folderGivesSentence() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("photos.png"));
        assertRefused(folder, "is a folder");
    }

    @Test
    void unreadableFileGivesSentence() throws Exception {
        Path file = TestImages.write(noise(4, 4), "png", dir.resolve("secret.png"));
        Files.setPosixFilePermissions(file, java.util.Set.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file),
                "running as root, which reads any file: permission test skipped");
        assertRefused(file, "cannot be read", "permission denied");
    }

    @Test
    void emptyFileGivesSentence() throws Exception {
        assertRefused(Files.createFile(dir.resolve("empty.jpg")), "empty");
    }

    @Test
    void textFileRenamedPngGivesUnsupportedSentence() throws Exception {
        Path file = TestImages.writeBytes(dir.resolve("notes.png"),
                "These are my notes, not a picture.\n".getBytes(StandardCharsets.UTF_8));
        assertRefused(file, "not an image in a supported format", "PNG", "WebP");
        assertThatThrownBy(() -> decoder.probe(file)).hasMessageContaining("not an image in a supported format");
    }

    @Test
    void photoshopDocumentGivesSentence() throws Exception {
        byte[] psd = new byte[64];
        System.arraycopy("8BPS".getBytes(StandardCharsets.ISO_8859_1), 0, psd, 0, 4);
        psd[5] = 1;
        assertRefused(TestImages.writeBytes(dir.resolve("layers.psd"), psd), "Photoshop");
    }

    @Test
    void pngCutInHalfGivesTruncatedSentence() throws Exception {
        Path whole = TestImages.write(noise(200, 150), "png", dir.resolve("whole.png"));
        Path half = TestImages.writeBytes(dir.resolve("half.png"), TestImages.firstHalf(whole));
        assertRefused(half, "truncated");
    }

    @Test
    void pngMissingOnlyItsEndChunkGivesTruncatedSentence() throws Exception {
        Path whole = TestImages.write(noise(40, 30), "png", dir.resolve("whole.png"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = TestImages.writeBytes(dir.resolve("noiend.png"), java.util.Arrays.copyOf(bytes, bytes.length - 12));
        assertRefused(cut, "truncated");
    }

    @Test
    void jpegCutInHalfGivesTruncatedSentence() throws Exception {
        Path whole = TestImages.write(noise(200, 150), "jpeg", dir.resolve("whole.jpg"));
        Path half = TestImages.writeBytes(dir.resolve("half.jpg"), TestImages.firstHalf(whole));
        assertRefused(half, "truncated");
    }

    @Test
    void pngWithScrambledPixelDataGivesCorruptSentence() throws Exception {
        Path whole = TestImages.write(noise(64, 64), "png", dir.resolve("whole.png"));
        byte[] bytes = Files.readAllBytes(whole);
        int idat = indexOf(bytes, "IDAT".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = idat + 4; i < idat + 4 + 200; i++) {
            bytes[i] = (byte) 0xFF;
        }
        assertRefused(TestImages.writeBytes(dir.resolve("scrambled.png"), bytes), "corrupt");
    }

    @Test
    void imageOverThePixelBudgetIsRefusedFromItsHeader() throws Exception {
        Path file = TestImages.write(noise(1200, 1000), "png", dir.resolve("photo.png"));
        assertThatThrownBy(() -> new ImageDecoder(1_000_000).decode(file))
                .isInstanceOf(StudioException.class)
                .hasMessage("photo.png is 1200 × 1000 (1.2 MP), over the 1 MP limit; raise --max-pixels to allow it.");
        assertThat(new ImageDecoder(1_200_000).decode(file).width()).isEqualTo(1200);
    }

    @Test
    void budgetIsCheckedBeforeAnyPixelIsDecoded() throws Exception {
        // The header claims 100000 × 100000 but there is no pixel data at all: decoding would fail as truncated
        // (or run out of memory), so the budget sentence proves only the header was read.
        Path file = TestImages.writeBytes(dir.resolve("huge.png"), TestImages.pngHeaderOnly(100_000, 100_000));
        assertThatThrownBy(() -> decoder.decode(file))
                .isInstanceOf(StudioException.class)
                .hasMessageContaining("huge.png is 100000 × 100000 (10000 MP), over the 100 MP limit");
        assertThatThrownBy(() -> decoder.probe(file)).hasMessageContaining("over the 100 MP limit");
        assertThatThrownBy(() -> new ImageDecoder(Long.MAX_VALUE).decode(file)).hasMessageContaining("truncated");
    }

    @Test
    void probeReadsSizeFormatDepthAndAlphaFromTheHeader() throws Exception {
        Path file = TestImages.write(TestImages.ushort(31, 17, true, true), "png", dir.resolve("deep.png"));
        ImageInfo info = decoder.probe(file);
        assertThat(info).isEqualTo(new ImageInfo(31, 17, "PNG", 16, true));
    }

    // ---- pixel layouts ----

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sixteenBitPngDecodesWithSixteenBitPrecision(boolean rgb) throws Exception {
        BufferedImage image = TestImages.ushort(5, 3, rgb, false);
        WritableRaster raster = image.getRaster();
        int bands = rgb ? 3 : 1;
        for (int b = 0; b < bands; b++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 5; x++) {
                    raster.setSample(x, y, b, 12345 + x + 7 * y + 1000 * b);
                }
            }
        }
        DecodedImage decoded = decoder.decode(TestImages.write(image, "png", dir.resolve("deep.png")));

        assertThat(decoded.bitDepth()).isEqualTo(16);
        assertThat(decoded.color().channels()).isEqualTo(bands);
        assertThat(decoded.alpha()).isEmpty();
        for (int b = 0; b < bands; b++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 5; x++) {
                    float v = decoded.color().get(b, x, y) * 65535f;
                    assertThat(v).isCloseTo(12345 + x + 7 * y + 1000 * b, within(0.01f));
                }
            }
        }
    }

    @Test
    void grayPngStaysOneChannelWithRawValues() throws Exception {
        BufferedImage gray = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(1, 0, 0, 64);
        gray.getRaster().setSample(2, 1, 0, 200);
        DecodedImage decoded = decoder.decode(TestImages.write(gray, "png", dir.resolve("gray.png")));

        assertThat(decoded.color().channels()).isEqualTo(1);
        assertThat(decoded.bitDepth()).isEqualTo(8);
        // Raw samples, not Java2D's linear-gray-to-sRGB conversion (which would turn 64 into about 136).
        assertThat(decoded.color().get(0, 1, 0)).isEqualTo(64 / 255f);
        assertThat(decoded.color().get(0, 2, 1)).isEqualTo(200 / 255f);
    }

    @Test
    void grayAlphaPngGivesGrayAndAlphaPlanes() throws Exception {
        BufferedImage image = TestImages.grayAlpha8(3, 2);
        image.getRaster().setPixel(0, 0, new int[] {10, 255});
        image.getRaster().setPixel(2, 1, new int[] {240, 30});
        DecodedImage decoded = decoder.decode(TestImages.write(image, "png", dir.resolve("ga.png")));

        assertThat(decoded.color().channels()).isEqualTo(1);
        assertThat(decoded.alpha()).isPresent();
        assertThat(decoded.color().get(0, 0, 0)).isEqualTo(10 / 255f);
        assertThat(decoded.alpha().get().get(0, 0, 0)).isEqualTo(1f);
        assertThat(decoded.color().get(0, 2, 1)).isEqualTo(240 / 255f);
        assertThat(decoded.alpha().get().get(0, 2, 1)).isEqualTo(30 / 255f);
    }

    @Test
    void palettePngWithTransparencyGivesRgbAndAlpha() throws Exception {
        byte[] r = {(byte) 255, 0, 0, 10};
        byte[] g = {0, (byte) 255, 0, 20};
        byte[] b = {0, 0, (byte) 255, 30};
        byte[] a = {(byte) 255, (byte) 255, (byte) 128, 0};
        IndexColorModel palette = new IndexColorModel(8, 4, r, g, b, a);
        BufferedImage image = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int x = 0; x < 4; x++) {
            image.getRaster().setSample(x, 0, 0, x);
        }
        DecodedImage decoded = decoder.decode(TestImages.write(image, "png", dir.resolve("palette.png")));

        assertThat(decoded.color().channels()).isEqualTo(3);
        assertThat(decoded.metadata()).containsEntry("palette", "true");
        assertThat(decoded.alpha()).isPresent();
        float[] alphas = decoded.alpha().get().data();
        assertThat(alphas).containsExactly(1f, 1f, 128 / 255f, 0f);
        assertThat(rgbAt(decoded, 2, 0)).isEqualTo(BLUE);
        assertThat(rgbAt(decoded, 0, 0)).isEqualTo(RED);
    }

    @Test
    void grayPaletteBecomesGray() throws Exception {
        BufferedImage binary = new BufferedImage(8, 2, BufferedImage.TYPE_BYTE_BINARY);
        binary.setRGB(3, 1, 0xFFFFFF);
        DecodedImage decoded = decoder.decode(TestImages.write(binary, "png", dir.resolve("bw.png")));

        assertThat(decoded.color().channels()).isEqualTo(1);
        assertThat(decoded.alpha()).isEmpty();
        assertThat(decoded.color().get(0, 3, 1)).isEqualTo(1f);
        assertThat(decoded.color().get(0, 2, 1)).isEqualTo(0f);
    }

    @Test
    void rgbaPngGivesRgbAndAlpha() throws Exception {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(1, 0, 0x40FF8000);
        DecodedImage decoded = decoder.decode(TestImages.write(image, "png", dir.resolve("rgba.png")));

        assertThat(decoded.color().channels()).isEqualTo(3);
        assertThat(decoded.alpha().orElseThrow().get(0, 1, 0)).isEqualTo(0x40 / 255f);
        assertThat(decoded.color().get(0, 1, 0)).isEqualTo(1f);
        assertThat(decoded.color().get(1, 1, 0)).isEqualTo(0x80 / 255f);
        assertThat(decoded.alpha().get().get(0, 0, 0)).isEqualTo(0f);
    }

    @ParameterizedTest
    @CsvSource({"png,PNG", "bmp,BMP", "gif,GIF", "tiff,TIFF", "jpeg,JPEG"})
    void everyWritableFormatDecodes(String writerName, String format) throws Exception {
        BufferedImage image = TestImages.quadrants();
        if (writerName.equals("gif")) {
            BufferedImage indexed = new BufferedImage(32, 16, BufferedImage.TYPE_BYTE_INDEXED);
            indexed.getGraphics().drawImage(image, 0, 0, null);
            image = indexed;
        }
        DecodedImage decoded = decoder.decode(TestImages.write(image, writerName, dir.resolve("q." + writerName)));

        assertThat(decoded.format()).isEqualTo(format);
        assertThat(decoded.width()).isEqualTo(32);
        assertThat(decoded.height()).isEqualTo(16);
        assertColor(decoded, 3, 3, RED);
        assertColor(decoded, 28, 3, GREEN);
        assertColor(decoded, 3, 12, BLUE);
        assertColor(decoded, 28, 12, WHITE);
    }

    @Test
    void gifDecodesItsFirstFrame() throws Exception {
        Path file = dir.resolve("anim.gif");
        var writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (var out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new javax.imageio.IIOImage(solid(RED), null, null), null);
            writer.writeToSequence(new javax.imageio.IIOImage(solid(BLUE), null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        assertColor(decoder.decode(file), 2, 2, RED);
    }

    // ---- EXIF orientation ----

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
            // orientation, displayed top-left, displayed bottom-right
            "1, 16711680, 16777215",
            "3, 16777215, 16711680",
            "6, 255, 65280",
            "8, 65280, 255"})
    void exifOrientationTurnsTheJpegAsDisplayed(int orientation, int topLeft, int bottomRight) throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(TestImages.quadrants(), "jpeg", jpeg);
        Path file = TestImages.writeBytes(dir.resolve("o" + orientation + ".jpg"),
                TestImages.withExifOrientation(jpeg.toByteArray(), orientation));

        boolean turned = orientation == 6 || orientation == 8;
        ImageInfo info = decoder.probe(file);
        assertThat(info.width()).isEqualTo(turned ? 16 : 32);
        assertThat(info.height()).isEqualTo(turned ? 32 : 16);
        DecodedImage decoded = decoder.decode(file);
        assertThat(decoded.width()).isEqualTo(info.width());
        assertThat(decoded.height()).isEqualTo(info.height());
        assertColor(decoded, 2, 2, topLeft);
        assertColor(decoded, decoded.width() - 3, decoded.height() - 3, bottomRight);
    }

    @Test
    void exifOrientationTurnsTheAlphaPlaneToo() throws Exception {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFF112233); // only the stored top-left pixel is opaque
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Path file = TestImages.writeBytes(dir.resolve("turned.png"),
                TestImages.withPngChunk(png.toByteArray(), "eXIf", TestImages.exifTiff(6)));

        DecodedImage decoded = decoder.decode(file);

        // Rotating 90° clockwise moves the stored top-left corner to the displayed top-right.
        assertThat(decoded.width()).isEqualTo(2);
        assertThat(decoded.height()).isEqualTo(4);
        FloatImage alpha = decoded.alpha().orElseThrow();
        assertThat(alpha.get(0, 1, 0)).isEqualTo(1f);
        assertThat(alpha.data()).containsOnlyOnce(1f);
        assertThat(decoded.color().get(0, 1, 0)).isEqualTo(0x11 / 255f);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientationMatchesPilsTransposeMeaning(int orientation) {
        // Stored 3 × 2 with distinct values v = 10 * y + x; expected displayed grids written out by hand from the
        // EXIF specification (PIL exif_transpose: 2 FLIP_LEFT_RIGHT, 3 ROTATE_180, 4 FLIP_TOP_BOTTOM, 5 TRANSPOSE,
        // 6 ROTATE_270, 7 TRANSVERSE, 8 ROTATE_90).
        FloatImage stored = new FloatImage(3, 2, 1, new float[] {0, 1, 2, 10, 11, 12});
        float[][] expected = {
                null,
                {0, 1, 2, 10, 11, 12},
                {2, 1, 0, 12, 11, 10},
                {12, 11, 10, 2, 1, 0},
                {10, 11, 12, 0, 1, 2},
                {0, 10, 1, 11, 2, 12},
                {10, 0, 11, 1, 12, 2},
                {12, 2, 11, 1, 10, 0},
                {2, 12, 1, 11, 0, 10}};
        FloatImage shown = ExifOrientation.apply(stored, orientation);
        assertThat(shown.width()).isEqualTo(orientation >= 5 ? 2 : 3);
        assertThat(shown.data()).containsExactly(expected[orientation]);
    }

    // ---- helpers ----

    private static BufferedImage noise(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static BufferedImage solid(int rgb) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(rgb));
        g.fillRect(0, 0, 8, 8);
        g.dispose();
        return image;
    }

    private static int rgbAt(DecodedImage image, int x, int y) {
        FloatImage c = image.color().toRgb();
        int r = Math.round(c.get(0, x, y) * 255);
        int g = Math.round(c.get(1, x, y) * 255);
        int b = Math.round(c.get(2, x, y) * 255);
        return (r << 16) | (g << 8) | b;
    }

    /** Within 40 levels per channel: enough for JPEG's chroma blur, far from any other quadrant colour. */
    private static void assertColor(DecodedImage image, int x, int y, int rgb) {
        int actual = rgbAt(image, x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
            assertThat((actual >> shift) & 0xFF).as("pixel (%d,%d) = %06x, expected %06x", x, y, actual, rgb)
                    .isCloseTo((rgb >> shift) & 0xFF, within(40));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
