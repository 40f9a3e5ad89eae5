package org.srstudio.engine.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a graph costs and needs, worked out from its ops alone: the scale and channel count of every blob, the
 * input context an output pixel depends on, and the peak number of float values alive at once per input pixel.
 * Builders call {@link #of} to fill {@link Graph#scale()} and {@link Graph#receptiveMargin()}; the runner uses
 * the peak to size tiles from a memory budget.
 *
 * @param scale              output size / input size
 * @param receptiveMargin    input pixels of context one output pixel depends on (rounded up)
 * @param peakFloatsPerPixel most float values alive at once during a run, per input pixel (convolution
 *                           workspace not included)
 */
/**
 * @param largestBlobFloatsPerPixel floats per input pixel of the largest single activation, which decides how
 *                                  the allocator serves it
 */
public record GraphAnalysis(double scale, int receptiveMargin, double peakFloatsPerPixel,
                            double largestBlobFloatsPerPixel, Map<String, Integer> channels) {
    public GraphAnalysis {
        channels = Map.copyOf(channels);
    }


    /** Channels of the network input: the SR graphs in this project read RGB. */
    public static final int INPUT_CHANNELS = 3;

    public static GraphAnalysis of(String input, List<Op> ops, String output) {
        Map<String, Integer> channels = new HashMap<>();
        Map<String, Double> scale = new HashMap<>();
        Map<String, Double> margin = new HashMap<>();
        Map<String, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            for (String in : ops.get(i).inputs()) {
                lastUse.put(in, i);
            }
        }
        channels.put(input, INPUT_CHANNELS);
        scale.put(input, 1.0);
        margin.put(input, 0.0);
        double live = INPUT_CHANNELS;
        double peak = live;
        double largest = live;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            String first = op.inputs().get(0);
            int c = channels.getOrDefault(first, INPUT_CHANNELS);
            double s = scale.getOrDefault(first, 1.0);
            double m = op.inputs().stream().mapToDouble(b -> margin.getOrDefault(b, 0.0)).max().orElse(0);
            int outC = c;
            double outS = s;
            double outM = m;
            if (op instanceof Op.Conv2d conv) {
                outC = conv.weight().dim(0);
                int k = Math.max(conv.weight().dim(2), conv.weight().dim(3));
                outM = m + (k - 1) / 2.0 * conv.dilation() / s;
                outS = s / conv.stride();
            } else if (op instanceof Op.Concat concat) {
                outC = concat.inputs().stream().mapToInt(b -> channels.getOrDefault(b, INPUT_CHANNELS)).sum();
            } else if (op instanceof Op.Upsample up) {
                outS = s * up.factor();
                outM = m + interpolationReach(up.mode()) / outS;
            } else if (op instanceof Op.Resize resize) {
                outS = s * resize.factor();
                outM = m + interpolationReach(resize.mode()) / Math.min(s, outS);
            } else if (op instanceof Op.PixelShuffle ps) {
                outC = c / (ps.factor() * ps.factor());
                outS = s * ps.factor();
            }
            for (String out : op.outputs()) {
                channels.put(out, outC);
                scale.put(out, outS);
                margin.put(out, outM);
            }
            largest = Math.max(largest, outC * outS * outS);
            double made = outC * outS * outS * op.outputs().size();
            peak = Math.max(peak, live + made);
            live += made;
            for (String in : op.inputs()) {
                if (lastUse.get(in) == i && !in.equals(output)) {
                    double sIn = scale.getOrDefault(in, 1.0);
                    live -= channels.getOrDefault(in, INPUT_CHANNELS) * sIn * sIn;
                }
            }
        }
        return new GraphAnalysis(scale.getOrDefault(output, 1.0),
                (int) Math.ceil(margin.getOrDefault(output, 0.0) - 1e-9), peak, largest, channels);
    }

    private static double interpolationReach(Op.Upsample.Mode mode) {
        return switch (mode) {
            case NEAREST -> 0;
            case BILINEAR -> 1;
            case BICUBIC -> 2;
        };
    }

    /** The integer scale, or empty when the network changes size by a non-integer factor. */
    public java.util.OptionalInt integerScale() {
        long r = Math.round(scale);
        return Math.abs(scale - r) < 1e-9 && r >= 1 ? java.util.OptionalInt.of((int) r) : java.util.OptionalInt.empty();
    }
}
