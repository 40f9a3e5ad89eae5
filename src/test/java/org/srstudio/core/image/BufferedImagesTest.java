package org.srstudio.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BufferedImagesTest {
    @Test
    void eightBitRgbUsesTheStandardByteLayouts() {
        FloatImage rgb = FloatImage.blank(3, 2, 3);

        assertThat(BufferedImages.toBufferedImage(rgb, Optional.empty(), 8).getType())
                .isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(BufferedImages.toBufferedImage(rgb, Optional.of(FloatImage.blank(3, 2, 1)), 8).getType())
                .isEqualTo(BufferedImage.TYPE_4BYTE_ABGR);
        assertThat(BufferedImages.toBufferedImage(FloatImage.blank(3, 2, 1), Optional.empty(), 16).getType())
                .isEqualTo(BufferedImage.TYPE_USHORT_GRAY);
    }

    @Test
    void roundTripsEveryEightBitLevelThroughBothDirections() {
        float[] levels = new float[256 * 3];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = (i % 256) / 255f;
        }
        FloatImage rgb = new FloatImage(256, 1, 3, levels);

        BufferedImages.Planes back = BufferedImages.toFloat(BufferedImages.toBufferedImage(rgb, Optional.empty(), 8));

        assertThat(back.bitDepth()).isEqualTo(8);
        assertThat(back.color().data()).containsExactly(levels);
    }

    @Test
    void quantizingRoundsHalfToEven() {
        // 0.5 * 65535 = 32767.5 exactly: half-to-even gives 32768; 2.5 / 65535 * 65535 lands on 2.5 in float.
        assertThat(BufferedImages.quantize(0.5f, 65535f)).isEqualTo(32768);
        assertThat(BufferedImages.quantize(0.25f, 2f)).isEqualTo(0); // 0.5 -> 0, not 1
        assertThat(BufferedImages.quantize(0.75f, 2f)).isEqualTo(2); // 1.5 -> 2
        assertThat(BufferedImages.quantize(1.25f / 2f, 2f)).isEqualTo(1);
        assertThat(BufferedImages.quantize(-1f, 255f)).isZero();
        assertThat(BufferedImages.quantize(Float.NaN, 255f)).isZero();
        assertThat(BufferedImages.quantize(Float.POSITIVE_INFINITY, 255f)).isEqualTo(255);
    }

    @Test
    void premultipliedArgbIsReadAsStraightAlpha() {
        BufferedImage pre = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        pre.setRGB(0, 0, 0x80FF0000); // setRGB takes straight ARGB and stores it premultiplied

        BufferedImages.Planes planes = BufferedImages.toFloat(pre);

        assertThat(planes.alpha().orElseThrow().get(0, 0, 0)).isEqualTo(0x80 / 255f);
        assertThat(planes.color().get(0, 0, 0)).isEqualTo(1f);
    }

    @Test
    void argbIntImageSplitsIntoRgbAndAlpha() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(1, 0, 0x40102030);

        BufferedImages.Planes planes = BufferedImages.toFloat(argb);

        assertThat(planes.color().get(0, 1, 0)).isEqualTo(0x10 / 255f);
        assertThat(planes.color().get(2, 1, 0)).isEqualTo(0x30 / 255f);
        assertThat(planes.alpha().orElseThrow().get(0, 1, 0)).isEqualTo(0x40 / 255f);
    }

    @Test
    void mismatchedAlphaIsRejected() {
        assertThatThrownBy(() -> BufferedImages.toBufferedImage(FloatImage.blank(3, 2, 3),
                Optional.of(FloatImage.blank(2, 2, 1)), 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
