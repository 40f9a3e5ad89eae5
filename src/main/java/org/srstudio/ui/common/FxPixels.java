package org.srstudio.ui.common;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.nio.IntBuffer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * Hands decoded pixels to JavaFX without copying them when it can: ImageIO is asked to decode into packed ints,
 * which JavaFX then uses as they are (a {@link PixelBuffer}). Converting an 8K image pixel by pixel instead costs
 * about as long as decoding it.
 */
final class FxPixels {
    private FxPixels() {
    }

    /** The packed-int destination the reader offers for this image (RGB or ARGB), or null to take its default. */
    static ImageTypeSpecifier packedIntType(ImageReader reader) throws java.io.IOException {
        for (var it = reader.getImageTypes(0); it.hasNext(); ) {
            ImageTypeSpecifier type = it.next();
            int t = type.getBufferedImageType();
            if (t == BufferedImage.TYPE_INT_RGB || t == BufferedImage.TYPE_INT_ARGB) {
                return type;
            }
        }
        return null;
    }

    /** The pixels of an INT_RGB or INT_ARGB image laid out row after row with no padding, or null. */
    static int[] packedInts(BufferedImage image) {
        int type = image.getType();
        if ((type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB)
                || !(image.getRaster().getDataBuffer() instanceof DataBufferInt ints)
                || !(image.getSampleModel() instanceof SinglePixelPackedSampleModel model)
                || model.getScanlineStride() != image.getWidth() || ints.getOffset() != 0
                || image.getRaster().getSampleModelTranslateX() != 0 || image.getRaster().getSampleModelTranslateY() != 0) {
            return null;
        }
        return ints.getData();
    }

    /** The image as JavaFX pixels; packed ints are turned premultiplied in place and wrapped, not copied. */
    static Image toFx(BufferedImage image) {
        int[] ints = packedInts(image);
        if (ints == null) {
            return SwingFXUtils.toFXImage(image, null);
        }
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            for (int i = 0; i < ints.length; i++) {
                ints[i] |= 0xFF000000;
            }
        } else {
            for (int i = 0; i < ints.length; i++) {
                int p = ints[i];
                int a = p >>> 24;
                if (a != 255) {
                    ints[i] = a << 24 | premultiply(p >> 16, a) << 16 | premultiply(p >> 8, a) << 8 | premultiply(p, a);
                }
            }
        }
        PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(image.getWidth(), image.getHeight(), IntBuffer.wrap(ints),
                PixelFormat.getIntArgbPreInstance());
        return new WritableImage(buffer);
    }

    private static int premultiply(int channel, int alpha) {
        return ((channel & 0xFF) * alpha + 127) / 255;
    }
}
