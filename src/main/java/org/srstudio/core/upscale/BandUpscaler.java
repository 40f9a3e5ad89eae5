package org.srstudio.core.upscale;

import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;

/**
 * An upscaler that can hand its output on band by band, so a result larger than memory (or than one Java array)
 * can be written to a file as it is made.
 */
public interface BandUpscaler extends Upscaler {
    /** Upscales a gray or RGB image, giving {@code sink} output bands with the input's channel count. */
    void upscaleInBands(FloatImage input, int scale, ModelParameters parameters, JobContext context, BandSink sink)
            throws StudioException, JobCancelledException;
}
