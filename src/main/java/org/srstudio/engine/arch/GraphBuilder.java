package org.srstudio.engine.arch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.srstudio.core.StudioException;
import org.srstudio.engine.graph.Graph;
import org.srstudio.engine.graph.Op;
import org.srstudio.engine.graph.Tensor;

/** Collects ops while an architecture walks its state dict, looking tensors up by key. */
final class GraphBuilder {
    static final String INPUT = "input";

    private final String name;
    private final Map<String, Tensor> weights;
    private final List<Op> ops = new ArrayList<>();

    GraphBuilder(String name, Map<String, Tensor> weights) {
        this.name = name;
        this.weights = weights;
    }

    /** A 3×3 (or any odd square) convolution with "same" padding from {@code key.weight} and {@code key.bias}. */
    String conv(String key, String in, String out, Op.Activation act) throws StudioException {
        Tensor w = tensor(key + ".weight");
        Tensor b = weights.get(key + ".bias");
        ops.add(new Op.Conv2d(in, out, w, b == null ? null : b.data(), 1, w.dim(2) / 2, w.dim(3) / 2, 1, 1, act));
        return out;
    }

    /** torch.nn.functional.pixel_unshuffle as a stride-r convolution with one-hot r×r kernels. */
    String pixelUnshuffle(String in, String out, int channels, int r) {
        int outChannels = channels * r * r;
        float[] w = new float[outChannels * channels * r * r];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    int o = c * r * r + i * r + j;
                    w[((o * channels + c) * r + i) * r + j] = 1f;
                }
            }
        }
        ops.add(new Op.Conv2d(in, out, new Tensor(new int[] {outChannels, channels, r, r}, w), null, r, 0, 0, 1, 1,
                new Op.NoActivation()));
        return out;
    }

    String concat(List<String> in, String out) {
        ops.add(new Op.Concat(in, out));
        return out;
    }

    String sum(List<String> in, String out, float... coeffs) {
        ops.add(new Op.Sum(in, out, coeffs.length == 0 ? null : coeffs));
        return out;
    }

    String upsampleNearest(String in, String out, int factor) {
        ops.add(new Op.Upsample(in, out, factor, Op.Upsample.Mode.NEAREST));
        return out;
    }

    String pixelShuffle(String in, String out, int factor) {
        ops.add(new Op.PixelShuffle(in, out, factor));
        return out;
    }

    Tensor tensor(String key) throws StudioException {
        Tensor t = weights.get(key);
        if (t == null) {
            throw new StudioException("Model " + name + " lacks tensor " + key + ".");
        }
        return t;
    }

    Graph graph(String output, int scale, int margin) {
        return new Graph(name, INPUT, output, ops, scale, margin);
    }

    static String shape(int[] s) {
        return Arrays.toString(s).replace(" ", "");
    }
}
