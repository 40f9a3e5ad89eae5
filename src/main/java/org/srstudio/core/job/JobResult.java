package org.srstudio.core.job;

import java.nio.file.Path;
import java.util.Optional;
import org.srstudio.core.store.Provenance;

/**
 * What a finished job produced: the variant kept in the result store, the file written for the user (if the
 * request named a target), and its provenance.
 */
public record JobResult(Path storedImage, Optional<Path> writtenFile, Provenance provenance) {
}
