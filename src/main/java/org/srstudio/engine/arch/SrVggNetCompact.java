package org.srstudio.engine.arch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.srstudio.core.StudioException;
import org.srstudio.engine.graph.Graph;
import org.srstudio.engine.graph.Op;
import org.srstudio.engine.graph.Tensor;

/**
 * Real-ESRGAN's SRVGGNetCompact (realesr-general, realesr-animevideov3 and many community "compact" models): a
 * plain stack of 3×3 convs each followed by a PReLU at input resolution, a last conv to channels·scale²,
 * pixel shuffle, and the nearest-upsampled input added back.
 *
 * @param convs the number of feature-to-feature convs between the first and the last one
 */
public record SrVggNetCompact(int channels, int features, int convs, int scale) implements Architecture {
    private static final Pattern BODY = Pattern.compile("body\\.(\\d+)\\.weight");

    public SrVggNetCompact {
        if (channels < 1 || features < 1 || convs < 0 || scale < 1) {
            throw new IllegalArgumentException("Impossible SRVGGNetCompact hyper-parameters");
        }
    }

    @Override
    public String displayName() {
        return "SRVGGNetCompact";
    }

    @Override
    public String summary() {
        return features + " features, " + convs + " convs, ×" + scale;
    }

    static Optional<Detection> detect(Map<String, int[]> shapes) {
        int[] first = shapes.get("body.0.weight");
        if (first == null || first.length != 4 || !shapes.keySet().stream().allMatch(k -> k.startsWith("body."))) {
            return Optional.empty();
        }
        int top = shapes.keySet().stream().map(BODY::matcher).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        String name = "an SRVGGNetCompact network";
        if (top < 2 || top % 2 != 0 || shapes.get("body." + top + ".weight").length != 4) {
            return Optional.of(new Detection.Unsupported("looks like " + name + " but its layers body.0–body." + top
                    + " do not alternate convolution and activation, so SR Studio cannot run it"));
        }
        if (!shapes.containsKey("body.1.weight")) {
            return Optional.of(new Detection.Unsupported("looks like " + name + " with a parameter-free activation "
                    + "(ReLU or LeakyReLU) that its weights do not identify, so SR Studio cannot run it"));
        }
        int features = first[0];
        int channels = first[1];
        int last = shapes.get("body." + top + ".weight")[0];
        int scale = (int) Math.round(Math.sqrt((double) last / channels));
        if (channels != 3 || scale < 1 || scale * scale * channels != last) {
            return Optional.of(new Detection.Unsupported("is an SRVGGNetCompact network for " + channels
                    + "-channel input with " + last + " output planes, but SR Studio runs RGB (3-channel) models only"));
        }
        SrVggNetCompact net = new SrVggNetCompact(channels, features, top / 2 - 1, scale);
        int[] slopes = shapes.get("body.1.weight");
        Optional<String> problem = net.expectedShapes(slopes.length == 1 && slopes[0] == 1).problem(shapes);
        return Optional.of(problem.<Detection>map(Detection.Unsupported::new).orElse(new Detection.Supported(net)));
    }

    ShapeCheck expectedShapes(boolean sharedSlope) {
        ShapeCheck check = new ShapeCheck("an SRVGGNetCompact network");
        int slopes = sharedSlope ? 1 : features;
        check.conv("body.0", features, channels, 3).tensor("body.1.weight", slopes);
        for (int i = 1; i <= convs; i++) {
            check.conv("body." + 2 * i, features, features, 3).tensor("body." + (2 * i + 1) + ".weight", slopes);
        }
        check.conv("body." + (2 * convs + 2), channels * scale * scale, features, 3);
        return check;
    }

    @Override
    public Graph build(String name, Map<String, Tensor> weights) throws StudioException {
        GraphBuilder g = new GraphBuilder(name, weights);
        String x = GraphBuilder.INPUT;
        for (int i = 0; i <= convs; i++) {
            Op.Activation prelu = new Op.PRelu(g.tensor("body." + (2 * i + 1) + ".weight").data());
            x = g.conv("body." + 2 * i, x, "body" + 2 * i, prelu);
        }
        String last = g.conv("body." + (2 * convs + 2), x, "last", new Op.NoActivation());
        String shuffled = g.pixelShuffle(last, "shuffled", scale);
        String base = g.upsampleNearest(GraphBuilder.INPUT, "base", scale);
        String out = g.sum(List.of(shuffled, base), "output");
        return g.graph(out, scale, convs + 2);
    }
}
