package org.srstudio.core.upscale;

import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;

/**
 * A loaded model that turns a colour image (gray or RGB, [0, 1]) into one {@code scale} times larger.
 * Alpha never reaches it: the pipeline upscales alpha separately. Implementations that hold native resources
 * release them in {@link #close()}.
 */
public interface Upscaler extends AutoCloseable {
    FloatImage upscale(FloatImage input, int scale, ModelParameters parameters, JobContext context)
            throws StudioException, JobCancelledException;

    /** A short description of where it runs, for provenance, e.g. "cpu (2 threads)". */
    default String device() {
        return "cpu";
    }

    @Override
    default void close() {
    }
}
