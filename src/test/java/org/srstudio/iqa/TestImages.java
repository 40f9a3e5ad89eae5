package org.srstudio.iqa;

import java.util.Random;
import org.srstudio.core.image.FloatImage;

/** Deterministic textured test images on the 8-bit grid. */
final class TestImages {
    private TestImages() {
    }

    /** Smooth gradients plus seeded noise, quantised to k/255 like a decoded 8-bit file. */
    static FloatImage textured(int w, int h, int channels, long seed) {
        Random rnd = new Random(seed);
        float[] d = new float[w * h * channels];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 128 + 60 * Math.sin(x / 7.0 + c) * Math.cos(y / 11.0) + 25 * rnd.nextGaussian();
                    d[(c * h + y) * w + x] = (float) Math.max(0, Math.min(255, Math.round(v))) / 255f;
                }
            }
        }
        return new FloatImage(w, h, channels, d);
    }

    static FloatImage uniform(int w, int h, float value) {
        float[] d = new float[w * h * 3];
        java.util.Arrays.fill(d, value);
        return new FloatImage(w, h, 3, d);
    }
}
