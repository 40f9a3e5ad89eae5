package org.srstudio.core.store;

import java.nio.file.Path;

/** Names claimed in the result store for a variant that is still being written. */
public record PendingVariant(Path image, Path provenanceFile) {
}
