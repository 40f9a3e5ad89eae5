package org.srstudio.core.diffusion;

/**
 * Latent tiling as the SD-based SR repos do it (XPSR, S3Diff, TSD-SR): tiles of side T (T = min(T, min(h, w))),
 * origins i·(T − O) along each axis while the previous tile ends inside the latent, the last one snapped to
 * size − T; predictions blended with Gaussian weights and divided by the summed weights.
 */
public final class LatentTiling {
    private static final double VAR = 0.01;

    private LatentTiling() {
    }

    /** Whether the repos tile at all: only when h·w exceeds T². */
    public static boolean needed(int width, int height, int tile) {
        return (long) width * height > (long) tile * tile;
    }

    /** Tile origins along an axis of {@code size} for tile side {@code tile} (already ≤ size) and {@code overlap}. */
    public static int[] origins(int size, int tile, int overlap) {
        if (tile < 1 || tile > size) {
            throw new IllegalArgumentException("Tile side " + tile + " must be between 1 and the latent side " + size + ".");
        }
        if (overlap < 0 || overlap >= tile) {
            throw new IllegalArgumentException("Tile overlap " + overlap + " must be at least 0 and below the tile side " + tile + ".");
        }
        int count = 0;
        int end = 0;
        while (end < size) {
            end = Math.max(count * tile - overlap * count, 0) + tile;
            count++;
        }
        int[] o = new int[count];
        for (int i = 0; i < count - 1; i++) {
            o[i] = i * (tile - overlap);
        }
        o[count - 1] = size - tile;
        return o;
    }

    /**
     * The repos' _gaussian_weights(tileW, tileH), row-major [y][x]: x centred on (W − 1)/2 but y on H/2 (an
     * asymmetry of the original code, kept so blends match), variance 0.01 relative to the side squared.
     */
    public static float[] gaussianWeights(int tileWidth, int tileHeight) {
        double norm = Math.sqrt(2 * Math.PI * VAR);
        double[] wx = new double[tileWidth];
        double mx = (tileWidth - 1) / 2.0;
        for (int x = 0; x < tileWidth; x++) {
            wx[x] = Math.exp(-(x - mx) * (x - mx) / ((double) tileWidth * tileWidth) / (2 * VAR)) / norm;
        }
        float[] w = new float[tileWidth * tileHeight];
        double my = tileHeight / 2.0;
        for (int y = 0; y < tileHeight; y++) {
            double wy = Math.exp(-(y - my) * (y - my) / ((double) tileHeight * tileHeight) / (2 * VAR)) / norm;
            for (int x = 0; x < tileWidth; x++) {
                w[y * tileWidth + x] = (float) (wy * wx[x]);
            }
        }
        return w;
    }

    /**
     * Accumulates weighted tile predictions of a C×H×W latent and returns the blend; {@link #reset()} starts the next
     * step's blend without recomputing the weights. Not thread-safe.
     */
    public static final class Blender {
        private final int channels;
        private final int width;
        private final int height;
        private final int tile;
        private final float[] weights;
        private final double[] sum;
        private final double[] weightSum;

        public Blender(int channels, int width, int height, int tile) {
            this.channels = channels;
            this.width = width;
            this.height = height;
            this.tile = tile;
            this.weights = gaussianWeights(tile, tile);
            this.sum = new double[channels * width * height];
            this.weightSum = new double[width * height];
        }

        /** Forgets every prediction added so far. */
        public void reset() {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(weightSum, 0);
        }

        /** Adds a C×T×T prediction whose top-left corner sits at (x0, y0). */
        public void add(float[] prediction, int x0, int y0) {
            if (prediction.length != channels * tile * tile) {
                throw new IllegalArgumentException("A tile prediction must hold " + channels * tile * tile + " values, got "
                        + prediction.length + ".");
            }
            if (x0 < 0 || y0 < 0 || x0 + tile > width || y0 + tile > height) {
                throw new IllegalArgumentException("Tile at " + x0 + "," + y0 + " does not fit in the " + width + "x" + height + " latent.");
            }
            for (int y = 0; y < tile; y++) {
                for (int x = 0; x < tile; x++) {
                    float wgt = weights[y * tile + x];
                    int p = (y0 + y) * width + x0 + x;
                    weightSum[p] += wgt;
                    for (int c = 0; c < channels; c++) {
                        sum[c * width * height + p] += (double) wgt * prediction[(c * tile + y) * tile + x];
                    }
                }
            }
        }

        public float[] result() {
            float[] out = new float[sum.length];
            int plane = width * height;
            for (int k = 0; k < out.length; k++) {
                double w = weightSum[k % plane];
                if (w == 0) {
                    throw new IllegalStateException("Latent position " + (k % plane) + " was not covered by any tile.");
                }
                out[k] = (float) (sum[k] / w);
            }
            return out;
        }
    }

    /** Copies the C×T×T window at (x0, y0) out of a C×H×W latent. */
    public static float[] crop(float[] latent, int channels, int width, int height, int x0, int y0, int tile) {
        float[] out = new float[channels * tile * tile];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < tile; y++) {
                System.arraycopy(latent, (c * height + y0 + y) * width + x0, out, (c * tile + y) * tile, tile);
            }
        }
        return out;
    }
}
