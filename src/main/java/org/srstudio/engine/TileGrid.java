package org.srstudio.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * How an image is cut into tiles: cores that partition the image, each run with {@code pad} input pixels of
 * context on every inner side, and blended with its neighbours by linear ramps {@code 2 × halfRamp} input pixels
 * wide centred on each inner core edge. The ramps of neighbouring tiles sum to one, so a single tile gives the
 * network's output untouched, and a tile's output is used only where it has at least {@code pad − halfRamp}
 * pixels of real context: with that at least the network's receptive margin, tiled output equals untiled output.
 */
public record TileGrid(int width, int height, int core, int pad, int halfRamp) {
    public TileGrid {
        if (width < 1 || height < 1 || core < 1 || pad < 0 || halfRamp < 0) {
            throw new IllegalArgumentException("Bad tile grid " + width + "x" + height + " core " + core
                    + " pad " + pad + " ramp " + halfRamp);
        }
        if (halfRamp > pad) {
            throw new IllegalArgumentException("The blend ramp must lie inside the padding");
        }
    }

    /** One tile: the input rectangle the network reads and the per-axis blend weights of its output. */
    public record Tile(int index, int x0, int y0, int w, int h, float[] weightX, float[] weightY) {
    }

    public boolean isSingle() {
        return cuts(width).length == 2 && cuts(height).length == 2;
    }

    /** Input rows where tile rows meet, from 0 to the height. */
    public int[] rowCuts() {
        return cuts(height);
    }

    public int columns() {
        return cuts(width).length - 1;
    }

    public int count() {
        return (cuts(width).length - 1) * (cuts(height).length - 1);
    }

    /** The tiles in row order; weights are per output pixel for a network of the given scale. */
    public List<Tile> tiles(double scale) {
        int[] xs = cuts(width);
        int[] ys = cuts(height);
        List<Tile> out = new ArrayList<>();
        for (int ty = 0; ty + 1 < ys.length; ty++) {
            int y0 = Math.max(0, ys[ty] - pad);
            int y1 = Math.min(height, ys[ty + 1] + pad);
            float[] wy = weights(ys, ty, y0, y1, scale);
            for (int tx = 0; tx + 1 < xs.length; tx++) {
                int x0 = Math.max(0, xs[tx] - pad);
                int x1 = Math.min(width, xs[tx + 1] + pad);
                out.add(new Tile(out.size(), x0, y0, x1 - x0, y1 - y0, weights(xs, tx, x0, x1, scale), wy));
            }
        }
        return out;
    }

    /** Core boundaries along one axis: cores of near-equal size, none larger than {@code core}. */
    private int[] cuts(int length) {
        int n = Math.max(1, (int) Math.ceil(length / (double) core));
        int[] cuts = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            cuts[i] = (int) Math.round((double) length * i / n);
        }
        return cuts;
    }

    private float[] weights(int[] cuts, int i, int from, int to, double scale) {
        int outFrom = (int) Math.floor(from * scale);
        int outTo = (int) Math.floor(to * scale);
        float[] w = new float[outTo - outFrom];
        boolean rises = i > 0;
        boolean falls = i + 2 < cuts.length;
        for (int k = 0; k < w.length; k++) {
            double u = (outFrom + k + 0.5) / scale;
            double v = 1;
            if (rises) {
                v *= ramp(u - cuts[i]);
            }
            if (falls) {
                v *= 1 - ramp(u - cuts[i + 1]);
            }
            w[k] = (float) v;
        }
        return w;
    }

    /** 0 before the edge's ramp, 1 after it, linear inside; a step at the edge when there is no ramp. */
    private double ramp(double distancePastEdge) {
        if (halfRamp == 0) {
            return distancePastEdge >= 0 ? 1 : 0;
        }
        return Math.min(1, Math.max(0, (distancePastEdge + halfRamp) / (2.0 * halfRamp)));
    }
}
