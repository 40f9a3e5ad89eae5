package org.srstudio.ui.common;

import java.nio.file.Path;
import javafx.scene.image.Image;
import org.srstudio.core.StudioException;

/**
 * The single place the UI turns files into displayable images. Called on background threads only. When the core
 * decoder is complete this is where it plugs in (EXIF orientation, 16-bit, pixel budget); the UI does not change.
 */
public interface UiImageLoader {
    /** Size and format from the file header; fast. */
    ImageFacts probe(Path file) throws StudioException;

    /**
     * Decodes the image, scaled down to fit {@code maxSide} on its longer side when it is larger (a preview), or
     * at full size when {@code maxSide} is 0.
     */
    Image load(Path file, int maxSide) throws StudioException;
}
