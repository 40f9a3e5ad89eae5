package org.srstudio.core.image;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.srstudio.core.StudioException;
import org.srstudio.core.job.OutputFormat;

/**
 * Writes images atomically (a temporary file in the target folder, then a move) so that a failed or cancelled
 * write never leaves a partial file, and stores text metadata in the file (PNG tEXt/iTXt chunks).
 */
public final class ImageEncoder {
    /** @param bitDepth 8 or 16; formats that cannot hold 16 bits (JPEG) write 8 */
    public void write(FloatImage color, Optional<FloatImage> alpha, int bitDepth, Path target, OutputFormat format,
                      Map<String, String> textMetadata) throws StudioException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The text metadata of a PNG written by {@link #write}, keyword → text. */
    public static Map<String, String> readTextMetadata(Path png) throws StudioException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
