package org.srstudio.core.upscale;

import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;

/**
 * Receives an upscaler's finished output in horizontal bands, top to bottom. A band starting at row 0 after
 * others arrived means the upscaler started over (it retried with smaller tiles), so what came before is void.
 */
@FunctionalInterface
public interface BandSink {
    void accept(int y0, FloatImage band) throws StudioException;
}
