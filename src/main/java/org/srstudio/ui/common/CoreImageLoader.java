package org.srstudio.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.DecodedImage;
import org.srstudio.core.image.ExifOrientation;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.image.ImageInfo;

/**
 * Shows images as the models see them: through the core {@link ImageDecoder}, so 16-bit PNG and TIFF, EXIF-rotated
 * JPEG, WebP and the pixel budget behave in the window as in the pipeline. Plain 8-bit PNG and unrotated JPEG
 * keep the fast path of {@link FxImageLoader} (subsampled previews, previews while the rows come in), which is what
 * makes the first pixel appear quickly; their pixels are the same either way. A file is decoded once for the
 * compare view, and the inputs list's thumbnail of it is shrunk from that decode's preview.
 */
public final class CoreImageLoader implements UiImageLoader {
    private final ImageDecoder decoder;
    private final FxImageLoader fast = new FxImageLoader();
    private final RecentPreviews recent = new RecentPreviews();

    public CoreImageLoader(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public ImageFacts probe(Path file) throws StudioException {
        ImageInfo info = decoder.probe(file);
        return new ImageFacts(info.width(), info.height(), formatName(info.format()), size(file));
    }

    /** A preview or thumbnail of a file being (or just) decoded is shrunk from that decode's preview. */
    @Override
    public Image load(Path file, int maxSide) throws StudioException {
        if (maxSide > 0) {
            Image shared = recent.shrunk(file, maxSide);
            if (shared != null) {
                return shared;
            }
        }
        ImageInfo info = decoder.probe(file);
        if (hasFastPath(file, info)) {
            return fast.load(file, maxSide);
        }
        return toFxImage(decoder.decode(file), maxSide);
    }

    /** One decode per file: the previews come from the rows of the full decode (or from its pixels). */
    @Override
    public Image loadProgressively(Path file, int previewSide, Consumer<Image> previews) throws StudioException {
        CompletableFuture<Image> complete = recent.begin(file);
        Image[] last = new Image[1];
        Consumer<Image> keepLast = preview -> {
            last[0] = preview;
            previews.accept(preview);
        };
        try {
            ImageInfo info = decoder.probe(file);
            Image full;
            if (hasFastPath(file, info)) {
                full = fast.loadProgressively(file, previewSide, keepLast);
            } else {
                DecodedImage decoded = decoder.decode(file);
                keepLast.accept(toFxImage(decoded, previewSide));
                full = toFxImage(decoded, 0);
            }
            complete.complete(last[0]);
            return full;
        } finally {
            complete.complete(null);
        }
    }

    /** 8-bit PNG (no EXIF) and JPEG without a rotation decode identically through either path. */
    private static boolean hasFastPath(Path file, ImageInfo info) {
        if (info.bitDepth() > 8) {
            return false;
        }
        return switch (info.format()) {
            case "PNG" -> true;
            case "JPEG" -> ExifOrientation.read(file) == ExifOrientation.NORMAL;
            default -> false;
        };
    }

    /** Point-sampled when {@code maxSide} asks for a preview; alpha kept; values rounded to 8 bits for display. */
    static Image toFxImage(DecodedImage decoded, int maxSide) {
        FloatImage color = decoded.color();
        int w = color.width();
        int h = color.height();
        int step = maxSide <= 0 || Math.max(w, h) <= maxSide ? 1 : (int) Math.ceil(Math.max(w, h) / (double) maxSide);
        int tw = (w + step - 1) / step;
        int th = (h + step - 1) / step;
        float[] c = color.data();
        int plane = w * h;
        boolean gray = color.channels() < 3;
        Optional<FloatImage> alpha = decoded.alpha();
        float[] a = alpha.map(FloatImage::data).orElse(null);
        int[] argb = new int[tw * th];
        for (int ty = 0; ty < th; ty++) {
            int row = ty * step * w;
            for (int tx = 0; tx < tw; tx++) {
                int i = row + tx * step;
                int r = byteOf(c[i]);
                int g = gray ? r : byteOf(c[plane + i]);
                int b = gray ? r : byteOf(c[2 * plane + i]);
                int al = a == null ? 255 : byteOf(a[i]);
                argb[ty * tw + tx] = al << 24 | r << 16 | g << 8 | b;
            }
        }
        WritableImage image = new WritableImage(tw, th);
        image.getPixelWriter().setPixels(0, 0, tw, th, PixelFormat.getIntArgbInstance(), argb, 0, tw);
        return image;
    }

    private static int byteOf(float v) {
        int x = Math.round(v * 255f);
        return x < 0 ? 0 : Math.min(x, 255);
    }

    private static String formatName(String format) {
        String name = format.toLowerCase(Locale.ROOT);
        return name.equals("jpg") ? "jpeg" : name;
    }

    private static long size(Path file) throws StudioException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new StudioException("Cannot read " + file.getFileName() + " (" + e.getMessage() + ").", e);
        }
    }
}
