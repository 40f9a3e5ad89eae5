package org.srstudio.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.srstudio.core.image.FloatImage;
import org.srstudio.engine.graph.Graph;
import org.srstudio.engine.graph.GraphAnalysis;
import org.srstudio.engine.graph.Op;
import org.srstudio.engine.graph.Tensor;

/** Small random networks that use every op kind, for fast engine tests. */
final class SyntheticGraphs {
    private SyntheticGraphs() {
    }

    /** A ×2 net: conv+PReLU, conv+leaky, weighted sum, concat, conv, pixel shuffle, nearest skip, add, scalar ops. */
    static Graph everyOp(long seed) {
        Random r = new Random(seed);
        List<Op> ops = new ArrayList<>();
        ops.add(new Op.Conv2d("in", "a", weight(r, 8, 3, 3), bias(r, 8), 1, 1, 1, 1, 1,
                new Op.PRelu(slopes(r, 8))));
        ops.add(new Op.Conv2d("a", "b", weight(r, 8, 8, 3), bias(r, 8), 1, 1, 1, 1, 1, new Op.LeakyRelu(0.2f)));
        ops.add(new Op.Sum(List.of("b", "a"), "c", new float[] {0.2f, 1f}));
        ops.add(new Op.Concat(List.of("a", "c"), "d"));
        ops.add(new Op.Conv2d("d", "e", weight(r, 12, 16, 3), null, 1, 1, 1, 1, 1, new Op.Relu()));
        ops.add(new Op.Activate("e", "e2", new Op.PRelu(new float[] {-0.3f})));
        ops.add(new Op.PixelShuffle("e2", "f", 2));
        ops.add(new Op.Upsample("in", "g", 2, Op.Upsample.Mode.NEAREST));
        ops.add(new Op.Binary("f", "g", 0f, Op.Binary.Kind.ADD, "h"));
        ops.add(new Op.Binary("h", null, 0.5f, Op.Binary.Kind.MUL, "i"));
        ops.add(new Op.Binary("i", null, 0.1f, Op.Binary.Kind.RSUB, "out"));
        GraphAnalysis a = GraphAnalysis.of("in", ops, "out");
        return new Graph("synthetic", "in", "out", ops, 2, a.receptiveMargin());
    }

    static FloatImage randomImage(int w, int h, long seed) {
        Random r = new Random(seed);
        float[] d = new float[3 * w * h];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextFloat();
        }
        return new FloatImage(w, h, 3, d);
    }

    static Tensor weight(Random r, int out, int in, int k) {
        float[] d = new float[out * in * k * k];
        float s = (float) (1 / Math.sqrt(in * k * k));
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian() * s;
        }
        return new Tensor(new int[] {out, in, k, k}, d);
    }

    static float[] bias(Random r, int n) {
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            b[i] = (float) r.nextGaussian() * 0.1f;
        }
        return b;
    }

    static float[] slopes(Random r, int n) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextFloat() * 0.5f;
        }
        return s;
    }

    static float maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("Lengths differ: " + a.length + " vs " + b.length);
        }
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
