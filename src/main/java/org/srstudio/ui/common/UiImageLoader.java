package org.srstudio.ui.common;

import java.nio.file.Path;
import java.util.function.Consumer;
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

    /**
     * Decodes the full image, handing {@code previews} pictures of it (longer side at most {@code previewSide}) on
     * the way when the loader can make them without decoding twice: partial ones as rows come in, the complete
     * one last. This loader makes none.
     */
    default Image loadProgressively(Path file, int previewSide, Consumer<Image> previews) throws StudioException {
        return load(file, 0);
    }
}
