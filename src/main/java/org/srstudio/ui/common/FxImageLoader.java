package org.srstudio.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.srstudio.core.StudioException;

/**
 * Reads headers and pixels through ImageIO (which the TwelveMonkeys plugins extend to WebP and TIFF). Previews are
 * read with source subsampling, so a large JPEG or PNG is never expanded to full size just to show a thumbnail; a
 * full decode hands out previews of the rows decoded so far.
 * (JavaFX's own decoders are not used: its PNG decoder takes about four times as long as ImageIO's.)
 */
public final class FxImageLoader implements UiImageLoader {
    @Override
    public ImageFacts probe(Path file) throws StudioException {
        long bytes = fileSize(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(file, in);
            try {
                reader.setInput(in, true, true);
                return new ImageFacts(reader.getWidth(0), reader.getHeight(0), formatName(reader), bytes);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new StudioException("Cannot read the header of " + file.getFileName() + " (" + reason(e) + ").", e);
        }
    }

    @Override
    public Image load(Path file, int maxSide) throws StudioException {
        return decode(file, reader -> {
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            ImageReadParam param = reader.getDefaultReadParam();
            if (maxSide > 0 && Math.max(w, h) > maxSide) {
                int step = (int) Math.ceil(Math.max(w, h) / (double) maxSide);
                param.setSourceSubsampling(step, step, 0, 0);
            }
            return FxPixels.toFx(reader.read(0, param));
        });
    }

    @Override
    public Image loadProgressively(Path file, int previewSide, Consumer<Image> previews) throws StudioException {
        return decode(file, reader -> {
            if (Math.max(reader.getWidth(0), reader.getHeight(0)) <= previewSide) {
                // Small enough to decode in a blink: previews of partial rows would only add work. The image is its
                // own complete preview.
                Image whole = FxPixels.toFx(reader.read(0, reader.getDefaultReadParam()));
                previews.accept(whole);
                return whole;
            }
            RowPreview preview = new RowPreview(reader.getWidth(0), reader.getHeight(0), previewSide, previews);
            reader.addIIOReadUpdateListener(preview);
            BufferedImage decoded = reader.read(0, reader.getDefaultReadParam());
            preview.finish(decoded);
            return FxPixels.toFx(decoded);
        });
    }

    /** What to do with a reader that has the file as its input. */
    private interface Decoding {
        Image apply(ImageReader reader) throws IOException;
    }

    private static Image decode(Path file, Decoding decoding) throws StudioException {
        fileSize(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(file, in);
            try {
                reader.setInput(in, true, true);
                return decoding.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new StudioException("Cannot decode " + file.getFileName() + " (" + reason(e) + ").", e);
        }
    }

    private static ImageReader readerFor(Path file, ImageInputStream in) throws StudioException {
        if (in == null) {
            throw new StudioException("Cannot open " + file.getFileName() + " for reading.");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new StudioException(file.getFileName() + " is not an image format SR Studio can read.");
        }
        return readers.next();
    }

    private static long fileSize(Path file) throws StudioException {
        if (!Files.isRegularFile(file)) {
            throw new StudioException(file.getFileName() + " does not exist or is not a file.");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new StudioException(file.getFileName() + " is empty.");
            }
            return size;
        } catch (IOException e) {
            throw new StudioException("Cannot read " + file.getFileName() + " (" + reason(e) + ").", e);
        }
    }

    private static String formatName(ImageReader reader) throws IOException {
        String name = reader.getFormatName().toLowerCase(Locale.ROOT);
        return name.equals("jpg") ? "jpeg" : name;
    }

    private static String reason(Throwable e) {
        String message = e == null ? null : e.getMessage();
        if (message == null || message.isBlank()) {
            return e == null ? "unknown error" : e.getClass().getSimpleName();
        }
        message = message.strip();
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
