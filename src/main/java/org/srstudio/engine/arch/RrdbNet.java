package org.srstudio.engine.arch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.srstudio.core.StudioException;
import org.srstudio.engine.graph.Graph;
import org.srstudio.engine.graph.Op;
import org.srstudio.engine.graph.Tensor;

/**
 * ESRGAN's Residual-in-Residual Dense Block network (Real-ESRGAN, most community ESRGAN models): a first conv, a
 * trunk of RRDBs (three dense blocks of five convs each, residuals scaled by 0.2) closed by a conv and a skip,
 * then per ×2 a nearest upsample and a conv, a high-resolution conv and the last conv; LeakyReLU 0.2 throughout.
 * Real-ESRGAN's ×2 and ×1 variants pixel-unshuffle the input by 2 or 4 first and keep the ×4 trunk.
 *
 * @param upsamples the number of ×2 upsampling stages
 * @param unshuffle the pixel-unshuffle factor applied to the input (1: none)
 */
public record RrdbNet(KeyStyle keys, int channels, int features, int growth, int blocks, int upsamples,
                      int unshuffle) implements Architecture {
    private static final Op.Activation LRELU = new Op.LeakyRelu(0.2f);
    private static final float RESIDUAL = 0.2f;
    private static final Pattern NEW_BLOCK = Pattern.compile("body\\.(\\d+)\\.rdb1\\.conv1\\.weight");
    private static final Pattern OLD_BLOCK = Pattern.compile("model\\.1\\.sub\\.(\\d+)\\.RDB1\\.conv1\\.0\\.weight");
    private static final Pattern OLD_TOP = Pattern.compile("model\\.(\\d+)\\.weight");

    /** The two key layouts in circulation: BasicSR's names and the original ESRGAN Sequential indices. */
    public enum KeyStyle {
        BASICSR, ESRGAN;

        String first() {
            return this == BASICSR ? "conv_first" : "model.0";
        }

        String dense(int block, int rdb, int conv) {
            return this == BASICSR ? "body." + block + ".rdb" + rdb + ".conv" + conv
                    : "model.1.sub." + block + ".RDB" + rdb + ".conv" + conv + ".0";
        }

        String trunk(int blocks) {
            return this == BASICSR ? "conv_body" : "model.1.sub." + blocks;
        }

        String up(int stage) {
            return this == BASICSR ? "conv_up" + (stage + 1) : "model." + (3 + 3 * stage);
        }

        String hr(int upsamples) {
            return this == BASICSR ? "conv_hr" : "model." + (2 + 3 * upsamples);
        }

        String last(int upsamples) {
            return this == BASICSR ? "conv_last" : "model." + (4 + 3 * upsamples);
        }
    }

    public RrdbNet {
        if (channels < 1 || features < 1 || growth < 1 || blocks < 1 || upsamples < 0 || unshuffle < 1
                || (1 << upsamples) % unshuffle != 0) {
            throw new IllegalArgumentException("Impossible RRDBNet hyper-parameters");
        }
    }

    @Override
    public String displayName() {
        return "RRDBNet (ESRGAN)";
    }

    @Override
    public int scale() {
        return (1 << upsamples) / unshuffle;
    }

    @Override
    public String summary() {
        return (keys == KeyStyle.ESRGAN ? "old ESRGAN keys" : "BasicSR keys") + ", " + features + " features, "
                + growth + " growth, " + blocks + " block" + (blocks == 1 ? "" : "s")
                + (unshuffle > 1 ? ", pixel-unshuffle ×" + unshuffle : "") + ", ×" + scale();
    }

    /** Recognises either key layout; empty when the state dict is not an RRDBNet at all. */
    static Optional<Detection> detect(Map<String, int[]> shapes) {
        KeyStyle style;
        if (shapes.containsKey("conv_first.weight") && shapes.containsKey("body.0.rdb1.conv1.weight")) {
            style = KeyStyle.BASICSR;
        } else if (shapes.containsKey("model.0.weight") && shapes.containsKey("model.1.sub.0.RDB1.conv1.0.weight")) {
            style = KeyStyle.ESRGAN;
        } else {
            return Optional.empty();
        }
        int blocks = maxIndex(shapes, style == KeyStyle.BASICSR ? NEW_BLOCK : OLD_BLOCK).orElse(-1) + 1;
        int[] first = shapes.get(style.first() + ".weight");
        int[] dense1 = shapes.get(style.dense(0, 1, 1) + ".weight");
        if (first.length != 4 || dense1.length != 4) {
            return Optional.of(new Detection.Unsupported("looks like an RRDBNet (ESRGAN) network with non-convolution"
                    + " first layers, so SR Studio cannot run it"));
        }
        int features = first[0];
        int growth = dense1[0];
        int upsamples;
        if (style == KeyStyle.BASICSR) {
            upsamples = 0;
            while (shapes.containsKey(style.up(upsamples) + ".weight")) {
                upsamples++;
            }
        } else {
            int top = maxIndex(shapes, OLD_TOP).orElse(0);
            if (top < 4 || (top - 4) % 3 != 0) {
                return Optional.of(new Detection.Unsupported("looks like an old-style ESRGAN network whose layer "
                        + "model." + top + " does not fit the nearest-upsampling layout SR Studio runs"));
            }
            upsamples = (top - 4) / 3;
            if (upsamples > 0 && shapes.get(style.up(0) + ".weight") != null
                    && shapes.get(style.up(0) + ".weight")[0] == 4 * features) {
                return Optional.of(new Detection.Unsupported("looks like an ESRGAN network with pixel-shuffle "
                        + "upsampling, which SR Studio cannot run yet"));
            }
        }
        int[] last = shapes.get(style.last(upsamples) + ".weight");
        if (last == null || last.length != 4) {
            return Optional.of(new Detection.Unsupported("looks like an RRDBNet (ESRGAN) network but lacks its last "
                    + "convolution " + style.last(upsamples) + ", so SR Studio cannot run it"));
        }
        int out = last[0];
        int in = first[1];
        int unshuffle = in == out ? 1 : in == out * 4 ? 2 : in == out * 16 ? 4 : 0;
        if (unshuffle == 0 || out != 3) {
            return Optional.of(new Detection.Unsupported("is an RRDBNet (ESRGAN) network for " + in + "-channel input"
                    + " and " + out + "-channel output, but SR Studio runs RGB (3-channel) models only"));
        }
        if ((1 << upsamples) % unshuffle != 0) {
            return Optional.of(new Detection.Unsupported("is an RRDBNet (ESRGAN) network that shrinks its input by "
                    + unshuffle + " but enlarges it only " + (1 << upsamples) + " times, which SR Studio cannot run"));
        }
        RrdbNet net = new RrdbNet(style, out, features, growth, blocks, upsamples, unshuffle);
        Optional<String> problem = net.expectedShapes().problem(shapes);
        return Optional.of(problem.<Detection>map(Detection.Unsupported::new).orElse(new Detection.Supported(net)));
    }

    ShapeCheck expectedShapes() {
        ShapeCheck check = new ShapeCheck("an RRDBNet (ESRGAN) network");
        check.conv(keys.first(), features, channels * unshuffle * unshuffle, 3);
        for (int b = 0; b < blocks; b++) {
            for (int r = 1; r <= 3; r++) {
                for (int c = 1; c <= 5; c++) {
                    check.conv(keys.dense(b, r, c), c < 5 ? growth : features, features + (c - 1) * growth, 3);
                }
            }
        }
        check.conv(keys.trunk(blocks), features, features, 3);
        for (int u = 0; u < upsamples; u++) {
            check.conv(keys.up(u), features, features, 3);
        }
        check.conv(keys.hr(upsamples), features, features, 3);
        check.conv(keys.last(upsamples), channels, features, 3);
        return check;
    }

    @Override
    public Graph build(String name, Map<String, Tensor> weights) throws StudioException {
        GraphBuilder g = new GraphBuilder(name, weights);
        String x = GraphBuilder.INPUT;
        if (unshuffle > 1) {
            x = g.pixelUnshuffle(x, "unshuffled", channels, unshuffle);
        }
        String fea = g.conv(keys.first(), x, "fea", new Op.NoActivation());
        String cur = fea;
        for (int b = 0; b < blocks; b++) {
            String blockIn = cur;
            for (int r = 1; r <= 3; r++) {
                cur = denseBlock(g, b, r, cur);
            }
            cur = g.sum(List.of(cur, blockIn), "b" + b, RESIDUAL, 1f);
        }
        String trunk = g.conv(keys.trunk(blocks), cur, "trunk", new Op.NoActivation());
        cur = g.sum(List.of(fea, trunk), "feat");
        for (int u = 0; u < upsamples; u++) {
            String up = g.upsampleNearest(cur, "up" + u + ".nearest", 2);
            cur = g.conv(keys.up(u), up, "up" + u, LRELU);
        }
        String hr = g.conv(keys.hr(upsamples), cur, "hr", LRELU);
        String out = g.conv(keys.last(upsamples), hr, "output", new Op.NoActivation());
        return g.graph(out, scale(), receptiveMargin());
    }

    private String denseBlock(GraphBuilder g, int b, int r, String in) throws StudioException {
        List<String> feats = new ArrayList<>(List.of(in));
        String prefix = "b" + b + ".rdb" + r;
        String y = in;
        for (int c = 1; c <= 5; c++) {
            String cat = c == 1 ? in : g.concat(feats, prefix + ".cat" + c);
            y = g.conv(keys.dense(b, r, c), cat, prefix + ".conv" + c, c < 5 ? LRELU : new Op.NoActivation());
            feats.add(y);
        }
        return g.sum(List.of(y, in), prefix, RESIDUAL, 1f);
    }

    /** Input pixels each output pixel can see: one per 3×3 conv, divided by the resolution it runs at. */
    int receptiveMargin() {
        double lowRes = 1 + 15.0 * blocks + 1;
        double margin = lowRes * unshuffle;
        double res = unshuffle;
        for (int u = 0; u < upsamples; u++) {
            res /= 2;
            margin += res;
        }
        margin += 2 * res;
        return (int) Math.ceil(margin);
    }

    private static OptionalInt maxIndex(Map<String, int[]> shapes, Pattern p) {
        return shapes.keySet().stream().map(p::matcher).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max();
    }
}
