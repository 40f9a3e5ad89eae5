package org.srstudio.core.diffusion;

/**
 * Classifier-free guidance: ε = ε_u + g·(ε_c − ε_u), element-wise in float32 as the pipelines write it. The same
 * numbers come out whether the two predictions came from one batched call ([uncond, cond] stacked, XPSR) or two
 * separate calls (S3Diff).
 */
public final class Guidance {
    private Guidance() {
    }

    /** Combines two separate predictions of equal length. */
    public static float[] combine(float[] uncond, float[] cond, float scale) {
        if (uncond.length != cond.length) {
            throw new IllegalArgumentException("The conditional prediction has " + cond.length
                    + " values but the unconditional one has " + uncond.length + ".");
        }
        float[] out = new float[cond.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = uncond[k] + scale * (cond[k] - uncond[k]);
        }
        return out;
    }

    /**
     * Combines a batch-of-two output laid out [uncond, cond] along the batch axis (the first half of the array is
     * the unconditional prediction), as diffusers' {@code noise_pred.chunk(2)} reads it.
     */
    public static float[] combineBatched(float[] batchOfTwo, float scale) {
        if (batchOfTwo.length % 2 != 0) {
            throw new IllegalArgumentException("A batched guidance output must hold two equal halves, got " + batchOfTwo.length + " values.");
        }
        int half = batchOfTwo.length / 2;
        float[] out = new float[half];
        for (int k = 0; k < half; k++) {
            float u = batchOfTwo[k];
            out[k] = u + scale * (batchOfTwo[half + k] - u);
        }
        return out;
    }
}
