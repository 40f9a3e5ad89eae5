package org.srstudio.core.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;

/**
 * Keeps every finished variant on disk as a PNG with a JSON provenance file beside it. Names are unique, so
 * nothing is ever overwritten; the folder is the studio's memory of what was run.
 */
public final class ResultStore {
    private final Path root;

    public ResultStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public StoredVariant store(FloatImage color, Optional<FloatImage> alpha, int bitDepth, Provenance provenance)
            throws StudioException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Every stored variant, oldest first. */
    public List<StoredVariant> list() throws StudioException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
