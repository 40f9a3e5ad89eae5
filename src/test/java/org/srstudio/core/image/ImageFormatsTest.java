package org.srstudio.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Formats Java cannot write, read from fixtures made by tools/fixtures/make_format_fixtures.py with Pillow. */
class ImageFormatsTest {
    private final ImageDecoder decoder = new ImageDecoder();

    private static Path fixture(String name) throws Exception {
        var url = ImageFormatsTest.class.getResource("/fixtures/formats/" + name);
        assertThat(url).as("fixture %s", name).isNotNull();
        return Path.of(url.toURI());
    }

    private static void assertRgb(FloatImage color, int x, int y, float r, float g, float b, float tolerance) {
        assertThat(color.get(0, x, y)).as("red at (%d,%d)", x, y).isCloseTo(r, within(tolerance));
        assertThat(color.get(1, x, y)).as("green at (%d,%d)", x, y).isCloseTo(g, within(tolerance));
        assertThat(color.get(2, x, y)).as("blue at (%d,%d)", x, y).isCloseTo(b, within(tolerance));
    }

    @Test
    void losslessWebpDecodesColourAndAlphaExactly() throws Exception {
        DecodedImage image = decoder.decode(fixture("quadrants_lossless.webp"));

        assertThat(image.format()).isEqualTo("WebP");
        assertThat(image.width()).isEqualTo(32);
        assertThat(image.height()).isEqualTo(16);
        assertRgb(image.color(), 4, 4, 1, 0, 0, 0);
        assertRgb(image.color(), 27, 4, 0, 1, 0, 0);
        assertRgb(image.color(), 27, 12, 1, 1, 1, 0);
        FloatImage alpha = image.alpha().orElseThrow();
        assertThat(alpha.get(0, 4, 4)).isEqualTo(1f);
        assertThat(alpha.get(0, 27, 4)).isEqualTo(128 / 255f);
        assertThat(alpha.get(0, 4, 12)).isEqualTo(0f);
    }

    @Test
    void lossyWebpDecodesCloseToItsSource() throws Exception {
        DecodedImage image = decoder.decode(fixture("quadrants_lossy.webp"));

        assertThat(image.format()).isEqualTo("WebP");
        assertThat(image.alpha()).isEmpty();
        assertRgb(image.color(), 4, 3, 1, 0, 0, 0.15f);
        assertRgb(image.color(), 4, 12, 0, 0, 1, 0.15f);
    }

    @Test
    void cmykJpegDecodesToRgb() throws Exception {
        DecodedImage image = decoder.decode(fixture("quadrants_cmyk.jpg"));

        assertThat(image.format()).isEqualTo("JPEG");
        assertThat(image.color().channels()).isEqualTo(3);
        // Converted through a CMYK profile, so saturated primaries come out a little muted; the hue must hold.
        FloatImage c = image.color();
        assertThat(c.get(0, 4, 3)).isGreaterThan(0.7f);
        assertThat(c.get(1, 4, 3)).isLessThan(0.35f);
        assertThat(c.get(2, 4, 3)).isLessThan(0.35f);
        assertThat(c.get(2, 4, 12)).isGreaterThan(0.5f);
        assertThat(c.get(0, 4, 12)).isLessThan(0.35f);
        assertRgb(c, 27, 12, 1, 1, 1, 0.1f);
    }
}
