package org.srstudio.engine.weights;

import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.upscale.Upscaler;
import org.srstudio.engine.GraphUpscaler;

/**
 * Feeds a network that pixel-unshuffles its input (Real-ESRGAN ×2 and ×1 RRDBNets) an image whose sides are
 * multiples of the unshuffle factor: the right and bottom edges are mirrored out, as Real-ESRGAN does, and the
 * result is cropped back. Such a network must also see whole images rather than the runner's tiles, whose edges
 * need not be multiples of the factor, so the tile size is set to the whole padded image and an image too large
 * for the memory budget is refused with a sentence.
 */
final class AlignedUpscaler implements Upscaler {
    private final GraphUpscaler inner;
    private final int multiple;
    private final long memoryBudgetBytes;

    AlignedUpscaler(GraphUpscaler inner, int multiple, long memoryBudgetBytes) {
        this.inner = inner;
        this.multiple = multiple;
        this.memoryBudgetBytes = memoryBudgetBytes;
    }

    @Override
    public FloatImage upscale(FloatImage input, int scale, ModelParameters parameters, JobContext context)
            throws StudioException, JobCancelledException {
        int w = input.width();
        int h = input.height();
        int pw = (w + multiple - 1) / multiple * multiple;
        int ph = (h + multiple - 1) / multiple * multiple;
        // the runner's tiles have arbitrary edges, which a pixel-unshuffling network cannot take
        long need = inner.tileBytes(pw, ph);
        if (need > memoryBudgetBytes) {
            throw new StudioException("Model " + inner.graph().name() + " cannot yet split images into tiles, and this "
                    + w + "×" + h + " image needs " + (need >> 20) + " MiB where " + (memoryBudgetBytes >> 20)
                    + " MiB are allowed; crop or shrink it first.");
        }
        FloatImage padded = pw == w && ph == h ? input : mirror(input, pw, ph);
        FloatImage out = inner.upscale(padded, scale, parameters.withTileSize(Math.min(16384, Math.max(16, Math.max(pw, ph)))), context);
        return pw == w && ph == h ? out : out.crop(0, 0, w * scale, h * scale);
    }

    /** Extends the image to pw×ph by reflection about its last row and column (edge repeat when too small). */
    static FloatImage mirror(FloatImage in, int pw, int ph) {
        int w = in.width();
        int h = in.height();
        FloatImage out = FloatImage.blank(pw, ph, in.channels());
        for (int c = 0; c < in.channels(); c++) {
            for (int y = 0; y < ph; y++) {
                int sy = reflect(y, h);
                for (int x = 0; x < pw; x++) {
                    out.set(c, x, y, in.get(c, reflect(x, w), sy));
                }
            }
        }
        return out;
    }

    private static int reflect(int i, int n) {
        if (i < n) {
            return i;
        }
        int r = 2 * (n - 1) - i;
        return Math.max(0, r);
    }

    @Override
    public String device() {
        return inner.device();
    }

    @Override
    public void close() {
        inner.close();
    }
}
