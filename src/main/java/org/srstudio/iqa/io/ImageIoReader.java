package org.srstudio.iqa.io;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;

/**
 * Stop-gap reader of image files into a {@link FloatImage} through {@code javax.imageio}, until the studio's
 * {@code org.srstudio.core.image.ImageDecoder} is implemented; then callers should use that and this class goes.
 * 8- and 16-bit samples are divided by 255 or 65535 in float32 (as torchvision's {@code to_tensor}); alpha is
 * dropped; palette images are expanded to RGB; no EXIF orientation.
 */
public final class ImageIoReader {
    private ImageIoReader() {
    }

    public static FloatImage read(Path file) throws StudioException {
        if (!Files.isRegularFile(file)) {
            throw new StudioException("The image " + file + " does not exist.");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new StudioException("The image " + file.getFileName() + " cannot be decoded.", e);
        }
        if (img == null) {
            throw new StudioException("The file " + file.getFileName() + " is not an image format this build can read.");
        }
        return toFloat(img);
    }

    public static FloatImage toFloat(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int n = w * h;
        if (img.getColorModel() instanceof IndexColorModel || img.getSampleModel().getNumBands() > 4) {
            float[] out = new float[3 * n];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = img.getRGB(x, y);
                    int i = y * w + x;
                    out[i] = ((argb >> 16) & 0xff) / 255f;
                    out[n + i] = ((argb >> 8) & 0xff) / 255f;
                    out[2 * n + i] = (argb & 0xff) / 255f;
                }
            }
            return new FloatImage(w, h, 3, out);
        }
        Raster r = img.getRaster();
        int bands = r.getNumBands();
        int colour = bands >= 3 ? 3 : 1;
        int bits = r.getSampleModel().getSampleSize(0);
        float max = bits > 8 ? 65535f : 255f;
        float[] out = new float[colour * n];
        int[] row = new int[w];
        for (int c = 0; c < colour; c++) {
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, c, row);
                for (int x = 0; x < w; x++) {
                    out[c * n + y * w + x] = row[x] / max;
                }
            }
        }
        return new FloatImage(w, h, colour, out);
    }
}
