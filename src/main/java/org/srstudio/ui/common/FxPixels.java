package org.srstudio.ui.common;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.nio.IntBuffer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Hands decoded pixels to JavaFX: the byte layouts ImageIO decodes PNG and JPEG into (BGR, ABGR) are packed into
 * premultiplied ints in one pass and handed over as they are (a {@link PixelBuffer}), packed-int images are used in
 * place; anything else goes through SwingFXUtils, whose per-pixel colour-model calls cost about as long as the
 * decode on an 8K image. (Asking ImageIO to decode into ints instead is worse: its PNG reader then converts
 * pixel by pixel and takes three times as long.)
 */
final class FxPixels {
    private FxPixels() {
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
            ints = packedFromBytes(image);
            if (ints == null) {
                return SwingFXUtils.toFXImage(image, null);
            }
        } else if (image.getType() == BufferedImage.TYPE_INT_RGB) {
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

    /** BGR or ABGR bytes with no padding as premultiplied ARGB ints, or null for any other layout. */
    private static int[] packedFromBytes(BufferedImage image) {
        int type = image.getType();
        int channels = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : type == BufferedImage.TYPE_4BYTE_ABGR ? 4 : 0;
        if (channels == 0 || !(image.getRaster().getDataBuffer() instanceof DataBufferByte bytes)
                || !(image.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || model.getScanlineStride() != image.getWidth() * channels || bytes.getOffset() != 0
                || image.getRaster().getSampleModelTranslateX() != 0 || image.getRaster().getSampleModelTranslateY() != 0) {
            return null;
        }
        byte[] b = bytes.getData();
        int[] ints = new int[image.getWidth() * image.getHeight()];
        if (channels == 3) {
            for (int i = 0, j = 0; i < ints.length; i++, j += 3) {
                ints[i] = 0xFF000000 | (b[j + 2] & 0xFF) << 16 | (b[j + 1] & 0xFF) << 8 | b[j] & 0xFF;
            }
        } else {
            for (int i = 0, j = 0; i < ints.length; i++, j += 4) {
                int a = b[j] & 0xFF;
                ints[i] = a << 24 | premultiply(b[j + 3], a) << 16 | premultiply(b[j + 2], a) << 8 | premultiply(b[j + 1], a);
            }
        }
        return ints;
    }

    private static int premultiply(int channel, int alpha) {
        return ((channel & 0xFF) * alpha + 127) / 255;
    }
}
