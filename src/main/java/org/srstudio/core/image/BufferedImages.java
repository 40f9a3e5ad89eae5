package org.srstudio.core.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts between java.awt images and planar {@link FloatImage}s. Samples are read raw from the raster, never
 * through {@code getRGB}, because Java2D treats gray images as linear and would gamma-shift them.
 *
 * <p>Palette images become gray when every palette entry is gray (1-bit and gray-ramp PNGs, gray GIFs) and RGB
 * otherwise; a palette with transparent entries yields an alpha plane. RGB samples in an embedded ICC colour space
 * are taken as they are, as the OpenCV- and PIL-based super-resolution tools do; CMYK and other colour spaces are
 * converted to sRGB through Java2D. Going to 8 bits clamps to [0, 1], scales
 * by 255 and rounds half to even ({@link Math#rint}), the convention of the Real-ESRGAN reference code.
 */
public final class BufferedImages {
    private BufferedImages() {
    }

    /** Colour planes, optional alpha and the sample depth they came from (8 or 16). */
    public record Planes(FloatImage color, Optional<FloatImage> alpha, int bitDepth) {
        public Planes {
            Objects.requireNonNull(color, "color");
            Objects.requireNonNull(alpha, "alpha");
        }
    }

    public static Planes toFloat(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel icm) {
            return fromPalette(image, icm);
        }
        if (cm instanceof ComponentColorModel && isGrayOrRgb(cm.getColorSpace())
                && !cm.isAlphaPremultiplied() && cm.getNumComponents() == image.getRaster().getNumBands()) {
            return fromComponents(image, cm);
        }
        if (cm instanceof DirectColorModel dcm && dcm.getColorSpace().isCS_sRGB()) {
            return fromDirect(image, dcm);
        }
        return fromDirect(toIntRgb(image), (DirectColorModel) ColorModel.getRGBdefault());
    }

    /**
     * An image for writing or display: gray or gray+alpha, RGB or RGBA, 8 or 16 bits per sample. 8-bit RGB(A)
     * uses the standard {@code TYPE_3BYTE_BGR}/{@code TYPE_4BYTE_ABGR} layouts, which every writer and Java2D
     * handle on their fast paths.
     */
    public static BufferedImage toBufferedImage(FloatImage color, Optional<FloatImage> alpha, int bitDepth) {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(alpha, "alpha");
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("Bit depth must be 8 or 16, got " + bitDepth);
        }
        if (color.channels() != 1 && color.channels() != 3) {
            throw new IllegalArgumentException("Colour must be gray or RGB, got " + color.channels() + " channels");
        }
        alpha.ifPresent(a -> {
            if (a.channels() != 1 || a.width() != color.width() || a.height() != color.height()) {
                throw new IllegalArgumentException("Alpha must be one channel of the colour size");
            }
        });
        int w = color.width();
        int h = color.height();
        boolean gray = color.channels() == 1;
        boolean hasAlpha = alpha.isPresent();
        BufferedImage out;
        int[] bandOrder;
        if (bitDepth == 8 && !gray) {
            out = new BufferedImage(w, h, hasAlpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR);
        } else if (bitDepth == 8 && !hasAlpha) {
            out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        } else if (bitDepth == 16 && gray && !hasAlpha) {
            out = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        } else {
            int dataType = bitDepth == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT;
            ColorSpace cs = ColorSpace.getInstance(gray ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
            ComponentColorModel cm = new ComponentColorModel(cs, hasAlpha, false,
                    hasAlpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
            out = new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
        }
        bandOrder = new int[color.channels() + (hasAlpha ? 1 : 0)];
        for (int i = 0; i < bandOrder.length; i++) {
            bandOrder[i] = i;
        }
        WritableRaster raster = out.getRaster();
        float max = bitDepth == 8 ? 255f : 65535f;
        int[] row = new int[w];
        for (int c = 0; c < bandOrder.length; c++) {
            FloatImage source = c < color.channels() ? color : alpha.get();
            int plane = c < color.channels() ? source.planeOffset(c) : 0;
            float[] data = source.data();
            for (int y = 0; y < h; y++) {
                int base = plane + y * w;
                for (int x = 0; x < w; x++) {
                    row[x] = quantize(data[base + x], max);
                }
                raster.setSamples(0, y, w, 1, bandOrder[c], row);
            }
        }
        return out;
    }

    /** Clamp to [0, 1], scale, round half to even; NaN becomes 0. */
    static int quantize(float v, float max) {
        if (!(v > 0f)) {
            return 0;
        }
        if (v >= 1f) {
            return (int) max;
        }
        return (int) Math.rint(v * max);
    }

    private static boolean isGrayOrRgb(ColorSpace cs) {
        return cs.getType() == ColorSpace.TYPE_GRAY || cs.getType() == ColorSpace.TYPE_RGB;
    }

    private static Planes fromComponents(BufferedImage image, ColorModel cm) {
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int colorBands = cm.getNumColorComponents();
        int dataType = raster.getTransferType();
        boolean floats = dataType == DataBuffer.TYPE_FLOAT || dataType == DataBuffer.TYPE_DOUBLE;
        int maxBits = 0;
        for (int b = 0; b < cm.getNumComponents(); b++) {
            maxBits = Math.max(maxBits, cm.getComponentSize(b));
        }
        int bitDepth = floats || maxBits > 8 ? 16 : 8;
        FloatImage color = FloatImage.blank(w, h, colorBands);
        FloatImage alpha = cm.hasAlpha() ? FloatImage.blank(w, h, 1) : null;
        float[] row = new float[w];
        for (int b = 0; b < cm.getNumComponents(); b++) {
            FloatImage target = b < colorBands ? color : alpha;
            int plane = b < colorBands ? color.planeOffset(b) : 0;
            float max = floats ? 1f : (1 << cm.getComponentSize(b)) - 1;
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, b, row);
                float[] data = target.data();
                int base = plane + y * w;
                for (int x = 0; x < w; x++) {
                    data[base + x] = row[x] / max;
                }
            }
        }
        return new Planes(color, Optional.ofNullable(alpha), bitDepth);
    }

    private static Planes fromPalette(BufferedImage image, IndexColorModel icm) {
        int size = icm.getMapSize();
        boolean gray = true;
        for (int i = 0; i < size; i++) {
            int r = icm.getRed(i);
            if (r != icm.getGreen(i) || r != icm.getBlue(i)) {
                gray = false;
                break;
            }
        }
        boolean hasAlpha = icm.hasAlpha();
        int w = image.getWidth();
        int h = image.getHeight();
        int channels = gray ? 1 : 3;
        FloatImage color = FloatImage.blank(w, h, channels);
        FloatImage alpha = hasAlpha ? FloatImage.blank(w, h, 1) : null;
        int[] rgba = new int[size];
        icm.getRGBs(rgba);
        Raster raster = image.getRaster();
        int[] row = new int[w];
        float[] cd = color.data();
        int n = w * h;
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int argb = rgba[Math.min(row[x], size - 1)];
                if (gray) {
                    cd[i] = ((argb >> 16) & 0xff) / 255f;
                } else {
                    cd[i] = ((argb >> 16) & 0xff) / 255f;
                    cd[n + i] = ((argb >> 8) & 0xff) / 255f;
                    cd[2 * n + i] = (argb & 0xff) / 255f;
                }
                if (alpha != null) {
                    alpha.data()[i] = (argb >>> 24) / 255f;
                }
            }
        }
        return new Planes(color, Optional.ofNullable(alpha), 8);
    }

    private static Planes fromDirect(BufferedImage image, DirectColorModel cm) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean hasAlpha = cm.hasAlpha();
        FloatImage color = FloatImage.blank(w, h, 3);
        FloatImage alpha = hasAlpha ? FloatImage.blank(w, h, 1) : null;
        float[] cd = color.data();
        int n = w * h;
        int[] row = new int[w];
        int[] packed = new int[w];
        Object pixel = null;
        Raster raster = image.getRaster();
        boolean intPixels = raster.getTransferType() == DataBuffer.TYPE_INT && raster.getNumDataElements() == 1;
        for (int y = 0; y < h; y++) {
            if (intPixels) {
                raster.getDataElements(0, y, w, 1, packed);
                for (int x = 0; x < w; x++) {
                    row[x] = cm.getRGB(packed[x]);
                }
            } else {
                for (int x = 0; x < w; x++) {
                    pixel = raster.getDataElements(x, y, pixel);
                    row[x] = cm.getRGB(pixel);
                }
            }
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int argb = row[x];
                // getRGB already divides premultiplied colour by alpha, so the values are straight either way.
                cd[i] = ((argb >> 16) & 0xff) / 255f;
                cd[n + i] = ((argb >> 8) & 0xff) / 255f;
                cd[2 * n + i] = (argb & 0xff) / 255f;
                if (alpha != null) {
                    alpha.data()[i] = (argb >>> 24) / 255f;
                }
            }
        }
        return new Planes(color, Optional.ofNullable(alpha), 8);
    }

    /** Any other layout (CMYK, YCbCr, premultiplied, odd colour spaces) through Java2D's colour conversion. */
    private static BufferedImage toIntRgb(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(image, out);
        return out;
    }
}
