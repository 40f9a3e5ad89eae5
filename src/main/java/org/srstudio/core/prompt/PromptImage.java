package org.srstudio.core.prompt;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.srstudio.core.image.BufferedImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;

/**
 * The picture sent to a vision-language server: the LR input, box-downscaled (aspect kept) so its longer side fits
 * the server's limit, as 8-bit PNG. Area averaging rather than point sampling so that noise and blur, which the
 * low-level prompt is about, look in the small copy roughly as they do in the input.
 */
public record PromptImage(byte[] png, int width, int height) {
    public PromptImage {
        Objects.requireNonNull(png, "png");
        if (png.length == 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A prompt image needs PNG bytes and a positive size.");
        }
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(png);
    }

    public String dataUrl() {
        return "data:image/png;base64," + base64();
    }

    public static PromptImage of(FloatImage image, int maxSide) throws StudioException {
        FloatImage small = downscale(image, maxSide);
        return encode(BufferedImages.toBufferedImage(small, Optional.empty(), 8), small.width(), small.height());
    }

    /** From an encoded image (any format javax.imageio reads), downscaled the same way. */
    public static PromptImage ofEncoded(byte[] encoded, int maxSide) throws StudioException {
        BufferedImage read;
        try {
            read = ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException e) {
            read = null;
        }
        if (read == null) {
            throw new StudioException("The image for the prompt could not be read.");
        }
        return of(BufferedImages.toFloat(read).color(), maxSide);
    }

    public static PromptImage ofFile(Path file, int maxSide) throws StudioException {
        try {
            return ofEncoded(Files.readAllBytes(file), maxSide);
        } catch (IOException e) {
            throw new StudioException("Could not read " + file + " for the prompt: " + e.getMessage() + ".", e);
        }
    }

    /** Longer side at most {@code maxSide}; each output pixel averages the input pixels its footprint covers. */
    static FloatImage downscale(FloatImage image, int maxSide) {
        int w = image.width();
        int h = image.height();
        int longer = Math.max(w, h);
        if (longer <= maxSide) {
            return image;
        }
        double factor = (double) maxSide / longer;
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        int channels = Math.min(image.channels(), 3);
        FloatImage out = FloatImage.blank(tw, th, channels);
        int[] x0 = spans(w, tw, true);
        int[] x1 = spans(w, tw, false);
        int[] y0 = spans(h, th, true);
        int[] y1 = spans(h, th, false);
        float[] src = image.data();
        float[] dst = out.data();
        for (int c = 0; c < channels; c++) {
            int plane = c * w * h;
            for (int ty = 0; ty < th; ty++) {
                for (int tx = 0; tx < tw; tx++) {
                    double sum = 0;
                    for (int y = y0[ty]; y < y1[ty]; y++) {
                        int row = plane + y * w;
                        for (int x = x0[tx]; x < x1[tx]; x++) {
                            sum += src[row + x];
                        }
                    }
                    int count = (y1[ty] - y0[ty]) * (x1[tx] - x0[tx]);
                    dst[(c * th + ty) * tw + tx] = (float) (sum / count);
                }
            }
        }
        return out;
    }

    private static int[] spans(int source, int target, boolean start) {
        int[] bounds = new int[target];
        for (int i = 0; i < target; i++) {
            if (start) {
                bounds[i] = (int) Math.floor((double) i * source / target);
            } else {
                bounds[i] = Math.max((int) Math.floor((double) i * source / target) + 1,
                        (int) Math.ceil((double) (i + 1) * source / target));
            }
        }
        return bounds;
    }

    private static PromptImage encode(BufferedImage image, int width, int height) throws StudioException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new StudioException("No PNG writer is available to send the image to the prompt server.");
            }
        } catch (IOException e) {
            throw new StudioException("The image could not be encoded as PNG for the prompt server.", e);
        }
        return new PromptImage(bytes.toByteArray(), width, height);
    }
}
