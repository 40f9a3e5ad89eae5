package org.srstudio.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.srstudio.core.StudioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads image files into {@link DecodedImage}: PNG, JPEG, BMP, GIF (first frame), TIFF and WebP; 8/16-bit, gray,
 * palette and alpha; EXIF orientation applied. The size is read from the header first and an image over the pixel
 * budget is refused before any pixel is decoded.
 *
 * <p>Every failure is a {@link StudioException} whose message is one sentence naming the file. Truncation is
 * detected, not half-decoded: PNG chunk structure must reach IEND, and any decoder warning about a premature end
 * of data or an {@link EOFException} counts as truncation.
 */
public final class ImageDecoder {
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ImageDecoder.class);
    private static final String SUPPORTED = "PNG, JPEG, BMP, GIF, TIFF or WebP";

    private final long maxPixels;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageDecoder(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("The pixel budget must be positive");
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** Width and height from the file header, after EXIF orientation, without decoding pixels. */
    public ImageInfo probe(Path file) throws StudioException {
        try (Header header = open(file)) {
            return header.info;
        }
    }

    public DecodedImage decode(Path file) throws StudioException {
        try (Header header = open(file)) {
            String name = displayName(file);
            if (header.info.format().equals("PNG")) {
                ContainerCheck.requireCompletePng(file, name);
            } else if (header.info.format().equals("JPEG")) {
                ContainerCheck.requireCompleteJpeg(file, name);
            }
            List<String> warnings = new ArrayList<>();
            IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
            header.reader.addIIOReadWarningListener(listener);
            BufferedImage pixels;
            try {
                pixels = header.reader.read(0, header.reader.getDefaultReadParam());
            } catch (IOException | RuntimeException e) {
                throw failure(name, e, "its pixel data");
            } catch (OutOfMemoryError e) {
                throw new StudioException(name + " is " + sizeText(header.info.width(), header.info.height())
                        + ", too large to decode in the memory available; give Java more memory (-Xmx) or use a smaller image.");
            }
            for (String w : warnings) {
                if (soundsTruncated(w)) {
                    throw truncated(name);
                }
                LOG.warn("{}: decoder warning: {}", file, w);
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            if (header.info.format().equals("PNG")) {
                try {
                    metadata.putAll(PngText.from(header.reader.getImageMetadata(0)));
                } catch (IOException | RuntimeException e) {
                    LOG.debug("{}: PNG text chunks unreadable: {}", file, e.toString());
                }
            }
            if (pixels.getColorModel() instanceof IndexColorModel) {
                metadata.put("palette", "true");
            }
            if (header.orientation != ExifOrientation.NORMAL) {
                metadata.put("exif_orientation", Integer.toString(header.orientation));
            }
            BufferedImages.Planes planes = BufferedImages.toFloat(pixels);
            FloatImage color = ExifOrientation.apply(planes.color(), header.orientation);
            Optional<FloatImage> alpha = planes.alpha().map(a -> ExifOrientation.apply(a, header.orientation));
            return new DecodedImage(color, alpha, planes.bitDepth(), header.info.format(), metadata);
        }
    }

    /** The file's header: reader positioned on it, oriented size checked against the budget. */
    private Header open(Path file) throws StudioException {
        String name = displayName(file);
        requireReadableFile(file, name);
        ImageInputStream stream;
        try {
            stream = ImageIO.createImageInputStream(file.toFile());
        } catch (IOException e) {
            throw new StudioException(name + " cannot be read (" + e.getMessage() + ").", e);
        }
        if (stream == null) {
            throw new StudioException(name + " cannot be read.");
        }
        ImageReader reader = null;
        boolean handedOver = false;
        try {
            reader = readerFor(stream);
            if (reader == null) {
                throw unsupported(file, name);
            }
            String format = formatName(reader);
            reader.setInput(stream, true, false);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw failure(name, e, "its header");
            }
            int orientation = hasExif(format) ? ExifOrientation.read(file) : ExifOrientation.NORMAL;
            if (ExifOrientation.swapsAxes(orientation)) {
                int t = width;
                width = height;
                height = t;
            }
            long pixels = (long) width * height;
            if (pixels > maxPixels) {
                throw new StudioException(name + " is " + sizeText(width, height) + ", over the "
                        + megapixels(maxPixels) + " limit; raise --max-pixels to allow it.");
            }
            ImageTypeSpecifier type = typeOf(reader);
            int bitDepth = 8;
            boolean alpha = false;
            if (type != null) {
                ColorModel cm = type.getColorModel();
                alpha = cm.hasAlpha();
                for (int b = 0; b < type.getNumBands(); b++) {
                    if (type.getBitsPerBand(b) > 8) {
                        bitDepth = 16;
                    }
                }
            }
            Header header = new Header(reader, stream, new ImageInfo(width, height, format, bitDepth, alpha),
                    orientation);
            handedOver = true;
            return header;
        } finally {
            if (!handedOver) {
                if (reader != null) {
                    reader.dispose();
                }
                closeQuietly(stream);
            }
        }
    }

    private static ImageReader readerFor(ImageInputStream stream) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            if (chosen == null && isOurs(r)) {
                chosen = r;
            } else {
                r.dispose();
            }
        }
        return chosen;
    }

    private static boolean isOurs(ImageReader reader) {
        return !formatName(reader).isEmpty();
    }

    /** Our name for the reader's format, or "" for formats we do not offer (WBMP, PNM, ...). */
    private static String formatName(ImageReader reader) {
        String name;
        try {
            name = reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
        return switch (name) {
            case "png" -> "PNG";
            case "jpeg", "jpg" -> "JPEG";
            case "bmp" -> "BMP";
            case "gif" -> "GIF";
            case "tif", "tiff" -> "TIFF";
            case "webp" -> "WebP";
            default -> "";
        };
    }

    private static boolean hasExif(String format) {
        return !format.equals("GIF") && !format.equals("BMP");
    }

    private static ImageTypeSpecifier typeOf(ImageReader reader) {
        try {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            if (raw != null) {
                return raw;
            }
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            return types.hasNext() ? types.next() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void requireReadableFile(Path file, String name) throws StudioException {
        if (!Files.exists(file)) {
            throw new StudioException(name + " does not exist.");
        }
        if (Files.isDirectory(file)) {
            throw new StudioException(name + " is a folder, not an image file.");
        }
        if (!Files.isRegularFile(file)) {
            throw new StudioException(name + " is not a regular file.");
        }
        if (!Files.isReadable(file)) {
            throw new StudioException(name + " cannot be read: permission denied.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (in.read() < 0) {
                throw new StudioException(name + " is empty (0 bytes), not an image.");
            }
        } catch (AccessDeniedException e) {
            throw new StudioException(name + " cannot be read: permission denied.", e);
        } catch (IOException e) {
            throw new StudioException(name + " cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static StudioException unsupported(Path file, String name) {
        byte[] head = new byte[8];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            LOG.debug("Cannot sniff {}: {}", file, e.toString());
        }
        String magic = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (magic.startsWith("8BPS")) {
            return new StudioException(name + " is a Photoshop document, which SR Studio cannot read; export it as "
                    + "PNG or TIFF first.");
        }
        return new StudioException(name + " is not an image in a supported format (" + SUPPORTED + ").");
    }

    private static StudioException failure(String name, Throwable e, String part) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || (t.getMessage() != null && soundsTruncated(t.getMessage()))) {
                return truncated(name);
            }
        }
        LOG.debug("Decoding {} failed", name, e);
        return new StudioException(name + " is corrupt: " + part + " could not be decoded.", e);
    }

    static StudioException truncated(String name) {
        return new StudioException(name + " is truncated: the file ends before its image data does.");
    }

    private static boolean soundsTruncated(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("premature end") || m.contains("unexpected end") || m.contains("end of file")
                || m.contains("eof") || m.contains("truncated");
    }

    static String displayName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    static String sizeText(int width, int height) {
        return width + " × " + height + " (" + megapixels((long) width * height) + ")";
    }

    static String megapixels(long pixels) {
        double mp = pixels / 1e6;
        if (mp >= 10 || mp == Math.rint(mp)) {
            return Math.round(mp) + " MP";
        }
        String text = String.format(Locale.ROOT, mp >= 0.1 ? "%.1f" : "%.2g", mp);
        return text + " MP";
    }

    private static void closeQuietly(ImageInputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            LOG.debug("Closing an image stream failed: {}", e.toString());
        }
    }

    /** An opened file: its reader, stream and what the header said; closing releases both. */
    private static final class Header implements AutoCloseable {
        final ImageReader reader;
        final ImageInputStream stream;
        final ImageInfo info;
        final int orientation;

        Header(ImageReader reader, ImageInputStream stream, ImageInfo info, int orientation) {
            this.reader = reader;
            this.stream = stream;
            this.info = info;
            this.orientation = orientation;
        }

        @Override
        public void close() {
            reader.dispose();
            closeQuietly(stream);
        }
    }
}
