package org.srstudio.iqa;

import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;

/**
 * A no-reference metric computed by a learned model that lives outside this package (the engine runs exported
 * TorchScript quality models). The scoring pool may call it from several threads; implementations serialise
 * what is not thread-safe.
 */
public interface LearnedScorer extends AutoCloseable {
    /** The metric it computes; never a classical one. */
    Metric metric();

    /** What identifies the model's weights, so cached scores are dropped when the model file changes. */
    String fingerprint();

    /**
     * The image's score.
     *
     * @throws StudioException with one sentence when this image cannot be scored (too small, model unloadable)
     */
    double score(FloatImage image) throws StudioException;

    /** Releases the model; the scoring service calls it when it closes. */
    @Override
    default void close() {
    }
}
