package org.srstudio.core.image;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.srstudio.core.AtomicFiles;
import org.srstudio.core.StudioException;
import org.srstudio.core.job.OutputFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes images atomically (a temporary file in the target folder, then a move) so that a failed or cancelled
 * write never leaves a partial file, and stores text metadata in the file (PNG tEXt/iTXt chunks).
 *
 * <p>JPEG is written at quality 95 with 8 bits and without alpha (the alpha plane is dropped, not composited).
 * TIFF keeps 8 or 16 bits and alpha, LZW-compressed by the JDK's writer; it carries no text metadata.
 */
public final class ImageEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(ImageEncoder.class);
    static final float JPEG_QUALITY = 0.95f;
    private static final String JDK_TIFF_WRITER = "com.sun.imageio.plugins.tiff.";

    private final UnaryOperator<OutputStream> streamDecorator;

    public ImageEncoder() {
        this(UnaryOperator.identity());
    }

    /** For tests: wraps the stream to the temporary file, e.g. to fail halfway like a full disk. */
    ImageEncoder(UnaryOperator<OutputStream> streamDecorator) {
        this.streamDecorator = Objects.requireNonNull(streamDecorator);
    }

    /** @param bitDepth 8 or 16; formats that cannot hold 16 bits (JPEG) write 8 */
    public void write(FloatImage color, Optional<FloatImage> alpha, int bitDepth, Path target, OutputFormat format,
                      Map<String, String> textMetadata) throws StudioException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(textMetadata, "textMetadata");
        textMetadata.keySet().forEach(PngText::requireValidKeyword);
        boolean jpeg = format == OutputFormat.JPEG;
        BufferedImage image = BufferedImages.toBufferedImage(color, jpeg ? Optional.empty() : alpha,
                jpeg ? 8 : bitDepth);
        String name = ImageDecoder.displayName(target);
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new StudioException("Cannot write " + name + ": a folder of that name is in the way.");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StudioException("Cannot create the folder " + folder + " for " + name + " (" + reason(e) + ").", e);
        }
        Path temp;
        try {
            temp = Files.createTempFile(folder, "." + name + ".", ".part");
        } catch (IOException e) {
            throw new StudioException("Cannot write " + name + " in " + folder + " (" + reason(e) + ").", e);
        }
        boolean moved = false;
        try {
            try (OutputStream file = streamDecorator.apply(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                encode(image, format, textMetadata, file);
            }
            AtomicFiles.moveIntoPlace(temp, absolute);
            moved = true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Writing {} failed", target, e);
            throw new StudioException("Could not write " + name + " (" + reason(e) + "); no file was left behind.", e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Could not remove the temporary file {}", temp, e);
                }
            }
        }
    }

    /** The text metadata of a PNG written by {@link #write}, keyword → text. */
    public static Map<String, String> readTextMetadata(Path png) throws StudioException {
        String name = ImageDecoder.displayName(png);
        if (!Files.isRegularFile(png)) {
            throw new StudioException(name + " does not exist or is not a file.");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReadersByFormatName("png");
            if (readers == null || !readers.hasNext()) {
                throw new StudioException("No PNG reader is available to read " + name + ".");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                if (!reader.getOriginatingProvider().canDecodeInput(in)) {
                    throw new StudioException(name + " is not a PNG file, so it has no PNG text metadata.");
                }
                return PngText.from(reader.getImageMetadata(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new StudioException("Cannot read the text metadata of " + name + " (" + reason(e) + ").", e);
        }
    }

    private static void encode(BufferedImage image, OutputFormat format, Map<String, String> text, OutputStream out)
            throws IOException {
        ImageWriter writer = writerFor(format, image);
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = null;
            switch (format) {
                case JPEG -> {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(JPEG_QUALITY);
                }
                case TIFF -> {
                    if (param.canWriteCompressed()) {
                        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                        String[] types = param.getCompressionTypes();
                        if (types != null && Arrays.asList(types).contains("LZW")) {
                            param.setCompressionType("LZW");
                        }
                    }
                }
                case PNG -> {
                    metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
                    PngText.addTo(metadata, text);
                }
                default -> throw new IllegalStateException("Unknown format " + format);
            }
            writer.write(null, new IIOImage(image, null, metadata), param);
            ios.flush();
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter writerFor(OutputFormat format, BufferedImage image) throws IOException {
        String formatName = switch (format) {
            case PNG -> "png";
            case JPEG -> "jpeg";
            case TIFF -> "tiff";
        };
        List<ImageWriter> writers = new ArrayList<>();
        ImageIO.getImageWriters(new ImageTypeSpecifier(image), formatName).forEachRemaining(writers::add);
        if (writers.isEmpty()) {
            throw new IOException("no " + format + " writer accepts this image layout");
        }
        // For TIFF, the JDK's own writer: TwelveMonkeys' cannot write 16-bit interleaved samples.
        ImageWriter chosen = writers.stream()
                .filter(w -> format != OutputFormat.TIFF || w.getClass().getName().startsWith(JDK_TIFF_WRITER))
                .findFirst().orElse(writers.get(0));
        writers.stream().filter(w -> w != chosen).forEach(ImageWriter::dispose);
        return chosen;
    }

    static String reason(Throwable thrown) {
        // ImageIO wraps the useful cause ("No space left on device") in a generic "I/O error writing PNG file!".
        Throwable e = thrown;
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }
}
