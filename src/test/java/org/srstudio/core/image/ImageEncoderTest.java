package org.srstudio.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.srstudio.core.StudioException;
import org.srstudio.core.job.OutputFormat;

class ImageEncoderTest {
    @TempDir
    Path dir;

    private final ImageEncoder encoder = new ImageEncoder();
    private final ImageDecoder decoder = new ImageDecoder();

    private static FloatImage ramp(int w, int h, int channels, int levels) {
        float[] data = new float[w * h * channels];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) ((i * 7919L) % (levels + 1)) / levels;
        }
        return new FloatImage(w, h, channels, data);
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void sixteenBitPngRoundTripsExactly(int channels) throws Exception {
        FloatImage color = ramp(9, 7, channels, 65535);
        Path file = dir.resolve("deep.png");

        encoder.write(color, Optional.empty(), 16, file, OutputFormat.PNG, Map.of());
        DecodedImage back = decoder.decode(file);

        assertThat(back.bitDepth()).isEqualTo(16);
        assertThat(back.color().channels()).isEqualTo(channels);
        assertThat(back.color().data()).containsExactly(color.data());
    }

    @Test
    void sixteenBitPngKeepsFinerStepsThanEightBits() throws Exception {
        FloatImage color = new FloatImage(2, 1, 1, new float[] {1000f / 65535f, 1001f / 65535f});
        Path file = dir.resolve("fine.png");

        encoder.write(color, Optional.empty(), 16, file, OutputFormat.PNG, Map.of());
        FloatImage back = decoder.decode(file).color();

        assertThat(back.get(0, 1, 0) - back.get(0, 0, 0)).isCloseTo(1f / 65535f, within(1e-7f));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16})
    void rgbaPngRoundTripsWithItsAlpha(int bits) throws Exception {
        int levels = bits == 8 ? 255 : 65535;
        FloatImage color = ramp(6, 5, 3, levels);
        FloatImage alpha = ramp(6, 5, 1, levels);
        Path file = dir.resolve("rgba.png");

        encoder.write(color, Optional.of(alpha), bits, file, OutputFormat.PNG, Map.of());
        DecodedImage back = decoder.decode(file);

        assertThat(back.bitDepth()).isEqualTo(bits);
        assertThat(back.color().data()).containsExactly(color.data());
        assertThat(back.alpha().orElseThrow().data()).containsExactly(alpha.data());
    }

    @Test
    void grayAlphaPngRoundTrips() throws Exception {
        FloatImage color = ramp(4, 4, 1, 255);
        FloatImage alpha = ramp(4, 4, 1, 17);
        Path file = dir.resolve("ga.png");

        encoder.write(color, Optional.of(alpha), 8, file, OutputFormat.PNG, Map.of());
        DecodedImage back = decoder.decode(file);

        assertThat(back.color().channels()).isEqualTo(1);
        assertThat(back.color().data()).containsExactly(color.data());
        assertThat(back.alpha().orElseThrow().data()).containsExactly(alpha.data());
    }

    @Test
    void eightBitOutputClampsAndRoundsToNearest() throws Exception {
        // 0.3 * 255 = 76.5 in exact arithmetic but 76.49999 in float: rounding must not add a bias of its own.
        float[] values = {-0.2f, 1.7f, Float.NaN, 0.5f, 10.4f / 255f, 10.6f / 255f};
        FloatImage color = new FloatImage(values.length, 1, 1, values);
        Path file = dir.resolve("clamp.png");

        encoder.write(color, Optional.empty(), 8, file, OutputFormat.PNG, Map.of());
        float[] back = decoder.decode(file).color().data();

        assertThat(back).containsExactly(0f, 1f, 0f, 128 / 255f, 10 / 255f, 11 / 255f);
    }

    @Test
    void jpegDropsAlphaAndWritesEightBits() throws Exception {
        FloatImage color = new FloatImage(16, 16, 3, new float[16 * 16 * 3]);
        java.util.Arrays.fill(color.data(), 0, 256, 0.8f); // red plane
        FloatImage alpha = new FloatImage(16, 16, 1, new float[256]); // fully transparent: must be ignored
        Path file = dir.resolve("photo.jpg");

        encoder.write(color, Optional.of(alpha), 16, file, OutputFormat.JPEG, Map.of("ignored", "x"));
        DecodedImage back = decoder.decode(file);

        assertThat(back.format()).isEqualTo("JPEG");
        assertThat(back.bitDepth()).isEqualTo(8);
        assertThat(back.alpha()).isEmpty();
        assertThat(back.color().get(0, 8, 8)).isCloseTo(0.8f, within(0.03f));
        assertThat(back.color().get(1, 8, 8)).isCloseTo(0f, within(0.03f));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16})
    void tiffRoundTripsColourAlphaAndDepth(int bits) throws Exception {
        int levels = bits == 8 ? 255 : 65535;
        FloatImage color = ramp(10, 3, 3, levels);
        FloatImage alpha = ramp(10, 3, 1, levels);
        Path file = dir.resolve("out.tif");

        encoder.write(color, Optional.of(alpha), bits, file, OutputFormat.TIFF, Map.of());
        DecodedImage back = decoder.decode(file);

        assertThat(back.format()).isEqualTo("TIFF");
        assertThat(back.bitDepth()).isEqualTo(bits);
        assertThat(back.color().data()).containsExactly(color.data());
        assertThat(back.alpha().orElseThrow().data()).containsExactly(alpha.data());
    }

    @Test
    void textMetadataRoundTripsIncludingNonAscii() throws Exception {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Software", "SR Studio");
        text.put("srstudio.model", "bicubic");
        text.put("Comment", "café crème, naïve"); // Latin-1: tEXt
        text.put("prompt", "日本の猫 🐱, Ελληνικά"); // beyond Latin-1: iTXt
        Path file = dir.resolve("meta.png");

        encoder.write(ramp(3, 3, 3, 255), Optional.empty(), 8, file, OutputFormat.PNG, text);

        assertThat(ImageEncoder.readTextMetadata(file)).containsExactlyInAnyOrderEntriesOf(text);
        assertThat(decoder.decode(file).metadata()).containsAllEntriesOf(text);
        String raw = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("tEXtComment").contains("iTXtprompt");
    }

    @Test
    void readingTextMetadataOfANonPngGivesSentence() throws Exception {
        Path file = dir.resolve("photo.jpg");
        encoder.write(ramp(8, 8, 3, 255), Optional.empty(), 8, file, OutputFormat.JPEG, Map.of());

        assertThatThrownBy(() -> ImageEncoder.readTextMetadata(file))
                .isInstanceOf(StudioException.class)
                .hasMessageContaining("photo.jpg")
                .hasMessageContaining("not a PNG");
    }

    @Test
    void missingParentFoldersAreCreated() throws Exception {
        Path file = dir.resolve("a/b/c/out.png");

        encoder.write(ramp(2, 2, 3, 255), Optional.empty(), 8, file, OutputFormat.PNG, Map.of());

        assertThat(decoder.decode(file).width()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void writeFailingMidwayLeavesNoFileBehind(OutputFormat format) throws Exception {
        Path file = dir.resolve("out." + format.extension());
        ImageEncoder failing = new ImageEncoder(out -> new DiskFullAfter(out, 100));

        assertThatThrownBy(() -> failing.write(ramp(64, 64, 3, 255), Optional.empty(), 8, file, format, Map.of()))
                .isInstanceOf(StudioException.class)
                .hasMessageContaining("Could not write out." + format.extension())
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("no file was left behind");
        assertThat(listing()).isEmpty();
    }

    @Test
    void failedWriteKeepsTheOldFileIntact() throws Exception {
        Path file = dir.resolve("keep.png");
        byte[] old = "previous result".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(file, old);
        ImageEncoder failing = new ImageEncoder(out -> new DiskFullAfter(out, 50));

        assertThatThrownBy(() -> failing.write(ramp(64, 64, 3, 255), Optional.empty(), 8, file, OutputFormat.PNG,
                Map.of())).isInstanceOf(StudioException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(old);
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void successfulWriteReplacesTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("replace.png");
        Files.writeString(file, "old");

        encoder.write(ramp(5, 5, 3, 255), Optional.empty(), 8, file, OutputFormat.PNG, Map.of());

        assertThat(decoder.decode(file).width()).isEqualTo(5);
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void folderInTheWayGivesSentenceAndWritesNothing() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out.png"));
        Files.writeString(folder.resolve("inside.txt"), "x");

        assertThatThrownBy(() -> encoder.write(ramp(2, 2, 3, 255), Optional.empty(), 8, folder, OutputFormat.PNG,
                Map.of())).isInstanceOf(StudioException.class).hasMessageContaining("out.png")
                .hasMessageContaining("folder");
        assertThat(listing()).containsExactly(folder);
    }

    @Test
    void parentThatIsAFileGivesSentenceAndWritesNothing() throws Exception {
        Path blocker = Files.writeString(dir.resolve("results"), "a file, not a folder");

        assertThatThrownBy(() -> encoder.write(ramp(2, 2, 3, 255), Optional.empty(), 8, blocker.resolve("out.png"),
                OutputFormat.PNG, Map.of())).isInstanceOf(StudioException.class).hasMessageContaining("out.png");
        assertThat(listing()).containsExactly(blocker);
    }

    /** Accepts {@code limit} bytes, then fails as a full disk does. */
    private static final class DiskFullAfter extends FilterOutputStream {
        private long left;

        DiskFullAfter(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new IOException("No space left on device");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }
}
