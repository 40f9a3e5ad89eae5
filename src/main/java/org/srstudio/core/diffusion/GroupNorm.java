package org.srstudio.core.diffusion;

/**
 * torch.nn.GroupNorm over a whole feature map: channels split into groups, each normalised by the mean and (biased)
 * variance of all its values, then scaled and shifted per channel. A tiled VAE runs this between its tiled blocks on
 * the full map, which is what the official repos' Tiled VAE approximates by synchronising statistics across tiles:
 * every tile is normalised with the image's statistics, not its own, so tiles match the untiled result.
 * Sums are taken in double so that large maps lose no precision.
 */
public final class GroupNorm {
    private final int groups;
    private final double eps;
    private final float[] weight;
    private final float[] bias;

    public GroupNorm(int groups, double eps, float[] weight, float[] bias) {
        if (groups < 1 || weight.length % groups != 0 || bias.length != weight.length) {
            throw new IllegalArgumentException("GroupNorm needs weight and bias of one length divisible by " + groups
                    + " groups, got " + weight.length + " and " + bias.length + ".");
        }
        this.groups = groups;
        this.eps = eps;
        this.weight = weight.clone();
        this.bias = bias.clone();
    }

    public int channels() {
        return weight.length;
    }

    /** The normalised map; {@code in} is left as it was. */
    public FeatureMap apply(FeatureMap in) {
        if (in.channels() != weight.length) {
            throw new IllegalArgumentException("GroupNorm over " + weight.length + " channels got a map of " + in.channels() + ".");
        }
        int plane = in.height() * in.width();
        int perGroup = weight.length / groups;
        float[] src = in.data();
        float[] out = new float[src.length];
        for (int g = 0; g < groups; g++) {
            int from = g * perGroup * plane;
            int to = from + perGroup * plane;
            double sum = 0;
            for (int k = from; k < to; k++) {
                sum += src[k];
            }
            double mean = sum / (to - from);
            double sq = 0;
            for (int k = from; k < to; k++) {
                double d = src[k] - mean;
                sq += d * d;
            }
            double inv = 1.0 / Math.sqrt(sq / (to - from) + eps);
            for (int c = g * perGroup; c < (g + 1) * perGroup; c++) {
                double scale = inv * weight[c];
                double shift = bias[c] - mean * scale;
                for (int k = c * plane; k < (c + 1) * plane; k++) {
                    out[k] = (float) (src[k] * scale + shift);
                }
            }
        }
        return new FeatureMap(in.channels(), in.height(), in.width(), out);
    }
}
