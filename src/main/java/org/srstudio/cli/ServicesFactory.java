package org.srstudio.cli;

import java.nio.file.Path;
import java.util.List;
import org.srstudio.core.StudioServices;
import org.srstudio.iqa.LearnedScorer;

/** Builds the studio's services for one CLI run; tests pass one that uses temporary folders. */
@FunctionalInterface
public interface ServicesFactory {
    StudioServices create(long maxPixels);

    /**
     * The learned metrics exported into subfolders of {@code iqaDirs}; none unless the composition root, which
     * alone may reach the engine that runs them, supplies a finder.
     */
    default List<? extends LearnedScorer> learnedMetrics(List<Path> iqaDirs) {
        return List.of();
    }
}
