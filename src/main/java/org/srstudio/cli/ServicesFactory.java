package org.srstudio.cli;

import org.srstudio.core.StudioServices;

/** Builds the studio's services for one CLI run; tests pass one that uses temporary folders. */
@FunctionalInterface
public interface ServicesFactory {
    StudioServices create(long maxPixels);
}
