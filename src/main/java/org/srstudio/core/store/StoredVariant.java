package org.srstudio.core.store;

import java.nio.file.Path;

/** A result kept in the store: its image file, its provenance file and the provenance itself. */
public record StoredVariant(Path image, Path provenanceFile, Provenance provenance) {
}
