package org.srstudio.core.model;

import java.nio.file.Path;
import java.util.Optional;
import org.srstudio.core.StudioException;
import org.srstudio.core.upscale.Upscaler;

/**
 * Loads models of one or more weight formats. The registry asks each loader in turn; the engine package
 * supplies loaders for neural formats so that core never sees the inference library.
 */
public interface ModelLoader {
    boolean supports(ModelManifest manifest);

    Upscaler load(ModelEntry entry) throws StudioException;

    /**
     * Describes a loose weight file dropped into the models folder without a manifest (an Upscayl or OpenModelDB
     * download), or returns empty when this loader does not read it. An {@link ModelStatus#UNSUPPORTED} entry
     * with its reason is a valid answer for a file this loader recognises but cannot run.
     */
    default Optional<ModelEntry> describe(Path weightFile) {
        return Optional.empty();
    }

    /** Checks what a manifest-described model folder holds beyond its files' presence; the default accepts it. */
    default Optional<String> problemWith(ModelEntry entry) {
        return Optional.empty();
    }
}
