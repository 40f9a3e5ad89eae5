package org.srstudio.core.prompt;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.srstudio.core.image.FloatImage;

/** Synthetic pictures with known degradations for the quality measures. */
final class TestImages {
    private TestImages() {
    }

    /** A colour checkerboard of {@code square}-pixel squares, levels 0.2 and 0.8, offset so the grid is not JPEG's. */
    static FloatImage checkerboard(int width, int height, int square) {
        FloatImage img = FloatImage.blank(width, height, 3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean on = ((x + 3) / square + (y + 5) / square) % 2 == 0;
                img.set(0, x, y, on ? 0.8f : 0.2f);
                img.set(1, x, y, on ? 0.7f : 0.25f);
                img.set(2, x, y, on ? 0.3f : 0.6f);
            }
        }
        return img;
    }

    /** Smooth shading, discs and a soft texture: something with flat areas and edges, like a photograph. */
    static FloatImage scene(int width, int height) {
        FloatImage img = FloatImage.blank(width, height, 3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                double r = 0.25 + 0.5 * u;
                double g = 0.3 + 0.4 * v;
                double b = 0.6 - 0.3 * u * v;
                double dx = x - width * 0.35;
                double dy = y - height * 0.45;
                if (dx * dx + dy * dy < (width * 0.2) * (width * 0.2)) {
                    r = 0.95;
                    g = 0.85;
                    b = 0.2;
                }
                double ex = x - width * 0.7;
                double ey = y - height * 0.65;
                if (Math.abs(ex) < width * 0.12 && Math.abs(ey) < height * 0.18) {
                    r = 0.15;
                    g = 0.5;
                    b = 0.25 + 0.1 * Math.sin(x * 0.9) * Math.sin(y * 0.7);
                }
                img.set(0, x, y, (float) r);
                img.set(1, x, y, (float) g);
                img.set(2, x, y, (float) b);
            }
        }
        return img;
    }

    static FloatImage gaussianBlur(FloatImage src, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        int w = src.width();
        int h = src.height();
        FloatImage tmp = FloatImage.blank(w, h, src.channels());
        FloatImage out = FloatImage.blank(w, h, src.channels());
        for (int c = 0; c < src.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double acc = 0;
                    for (int k = -radius; k <= radius; k++) {
                        acc += kernel[k + radius] * src.get(c, Math.max(0, Math.min(w - 1, x + k)), y);
                    }
                    tmp.set(c, x, y, (float) acc);
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double acc = 0;
                    for (int k = -radius; k <= radius; k++) {
                        acc += kernel[k + radius] * tmp.get(c, x, Math.max(0, Math.min(h - 1, y + k)));
                    }
                    out.set(c, x, y, (float) acc);
                }
            }
        }
        return out;
    }

    /** Adds white Gaussian noise of {@code sigma255} grey levels (same noise in each channel, so luma gets it all). */
    static FloatImage withNoise(FloatImage src, double sigma255, long seed) {
        Random random = new Random(seed);
        FloatImage out = src.copy();
        for (int y = 0; y < src.height(); y++) {
            for (int x = 0; x < src.width(); x++) {
                float n = (float) (random.nextGaussian() * sigma255 / 255.0);
                for (int c = 0; c < src.channels(); c++) {
                    out.set(c, x, y, src.get(c, x, y) + n);
                }
            }
        }
        return out;
    }

    /** Rounds to 8 bits, as any decoded file is. */
    static FloatImage quantised(FloatImage src) {
        FloatImage out = src.copy();
        float[] d = out.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.round(Math.max(0f, Math.min(1f, d[i])) * 255f) / 255f;
        }
        return out;
    }

    static BufferedImage toBuffered(FloatImage img) {
        BufferedImage out = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                out.setRGB(x, y, to8(img.get(0, x, y)) << 16 | to8(img.get(1, x, y)) << 8 | to8(img.get(2, x, y)));
            }
        }
        return out;
    }

    /** Encodes as JPEG at {@code quality} (0–1) and decodes again. */
    static FloatImage jpegRoundTrip(FloatImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(toBuffered(img), null, null), param);
        } finally {
            writer.dispose();
        }
        return org.srstudio.core.image.BufferedImages.toFloat(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()))).color().toRgb();
    }

    /** Encodes as PNG and decodes again. */
    static FloatImage pngRoundTrip(FloatImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(toBuffered(img), "png", bytes);
        return org.srstudio.core.image.BufferedImages.toFloat(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()))).color().toRgb();
    }

    private static int to8(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
