package org.srstudio.engine.ncnn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.srstudio.core.StudioException;
import org.srstudio.engine.graph.Graph;
import org.srstudio.engine.graph.GraphAnalysis;
import org.srstudio.engine.graph.Op;
import org.srstudio.engine.graph.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns ncnn layers and their weights into the engine's {@link Graph}. Only what feed-forward SR networks use is
 * supported, each with ncnn's own semantics; any other layer type, or an option of a known type that would be run
 * wrong, is refused with a sentence naming it.
 */
public final class NcnnGraphBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(NcnnGraphBuilder.class);

    private final String modelName;
    private final String paramFile;
    private final List<Op> ops = new ArrayList<>();
    /** Split tops and other pure renames resolve to the blob that holds the data. */
    private final Map<String, String> alias = new HashMap<>();

    private NcnnGraphBuilder(String modelName, String paramFile) {
        this.modelName = modelName;
        this.paramFile = paramFile;
    }

    /** Reads {@code param} and {@code bin} into a graph named {@code name}. */
    public static Graph read(Path param, Path bin, String name) throws StudioException {
        List<NcnnLayer> layers = NcnnParamReader.read(param);
        NcnnWeightReader weights = NcnnWeightReader.open(bin);
        Graph g = new NcnnGraphBuilder(name, param.getFileName().toString()).build(layers, weights);
        if (weights.remaining() > 0) {
            LOG.warn("{} has {} bytes after the last weights its .param needs; they are ignored", bin, weights.remaining());
        }
        return g;
    }

    Graph build(List<NcnnLayer> layers, NcnnWeightReader weights) throws StudioException {
        String input = null;
        for (NcnnLayer l : layers) {
            switch (l.type()) {
                case "Input" -> {
                    if (input != null) {
                        throw refuse("has more than one input");
                    }
                    input = l.tops().get(0);
                }
                case "Split" -> l.tops().forEach(t -> alias.put(t, in(l, 0)));
                case "Noop" -> alias.put(l.tops().get(0), in(l, 0));
                case "Convolution", "ConvolutionDepthWise" -> convolution(l, weights);
                case "PReLU" -> {
                    int n = l.intParam(0, 0);
                    ops.add(new Op.Activate(in(l, 0), out(l), new Op.PRelu(weights.raw(n, l.name()))));
                }
                case "ReLU" -> {
                    float slope = l.floatParam(0, 0f);
                    ops.add(new Op.Activate(in(l, 0), out(l), slope == 0f ? new Op.Relu() : new Op.LeakyRelu(slope)));
                }
                case "Concat" -> {
                    if (l.intParam(0, 0) != 0) {
                        throw refuse("concatenates along axis " + l.intParam(0, 0) + " in layer " + l.name()
                                + ", which SR Studio does not support");
                    }
                    ops.add(new Op.Concat(ins(l), out(l)));
                }
                case "Eltwise" -> eltwise(l);
                case "BinaryOp" -> binary(l);
                case "Interp" -> interp(l);
                case "PixelShuffle" -> {
                    if (l.intParam(1, 0) != 0) {
                        throw refuse("uses PixelShuffle mode " + l.intParam(1, 0) + " in layer " + l.name()
                                + ", which SR Studio does not support");
                    }
                    ops.add(new Op.PixelShuffle(in(l, 0), out(l), l.intParam(0, 1)));
                }
                default -> throw new StudioException("Model " + modelName + " uses the ncnn layer type '" + l.type()
                        + "', which SR Studio does not support.");
            }
        }
        if (input == null) {
            throw refuse("has no Input layer");
        }
        String output = outputBlob(layers);
        GraphAnalysis analysis = GraphAnalysis.of(input, ops, output);
        OptionalInt scale = analysis.integerScale();
        if (scale.isEmpty()) {
            throw refuse("changes the image size by ×" + analysis.scale() + ", which is not a whole number");
        }
        return new Graph(modelName, input, output, ops, scale.getAsInt(), analysis.receptiveMargin());
    }

    private void convolution(NcnnLayer l, NcnnWeightReader weights) throws StudioException {
        int numOutput = l.intParam(0, 0);
        int kw = l.intParam(1, 0);
        int kh = l.intParam(11, kw);
        int dw = l.intParam(2, 1);
        int dh = l.intParam(12, dw);
        int sw = l.intParam(3, 1);
        int sh = l.intParam(13, sw);
        int pl = l.intParam(4, 0);
        int pr = l.intParam(15, pl);
        int pt = l.intParam(14, pl);
        int pb = l.intParam(16, pt);
        boolean bias = l.intParam(5, 0) != 0;
        int size = l.intParam(6, 0);
        int group = l.type().equals("ConvolutionDepthWise") ? l.intParam(7, 1) : 1;
        if (l.intParam(8, 0) != 0) {
            throw refuse("has an int8 convolution in layer " + l.name() + ", which SR Studio does not support");
        }
        if (l.intParam(19, 0) != 0) {
            throw refuse("has a convolution with dynamic weights in layer " + l.name() + ", which SR Studio does not support");
        }
        if (pl != pr || pt != pb || pl < 0 || pt < 0 || l.floatParam(18, 0f) != 0f) {
            throw refuse("pads layer " + l.name() + " unevenly or automatically, which SR Studio does not support");
        }
        if (sw != sh || dw != dh) {
            throw refuse("uses different horizontal and vertical strides or dilations in layer " + l.name()
                    + ", which SR Studio does not support");
        }
        if (numOutput <= 0 || kw <= 0 || kh <= 0 || group <= 0 || size % (numOutput * kw * kh) != 0) {
            throw refuse("declares an inconsistent weight size for layer " + l.name());
        }
        int inPerGroup = size / (numOutput * kw * kh);
        float[] w = weights.tagged(size, l.name());
        float[] b = bias ? weights.raw(numOutput, l.name()) : null;
        Tensor weight = new Tensor(new int[] {numOutput, inPerGroup, kh, kw}, w);
        ops.add(new Op.Conv2d(in(l, 0), out(l), weight, b, sw, pt, pl, dw, group, activation(l)));
    }

    private Op.Activation activation(NcnnLayer l) throws StudioException {
        int type = l.intParam(9, 0);
        float[] p = l.floatArray(10);
        return switch (type) {
            case 0 -> new Op.NoActivation();
            case 1 -> new Op.Relu();
            case 2 -> p.length == 0 || p[0] == 0f ? new Op.Relu() : new Op.LeakyRelu(p[0]);
            default -> throw refuse("fuses activation type " + type + " into layer " + l.name()
                    + ", which SR Studio does not support");
        };
    }

    private void eltwise(NcnnLayer l) throws StudioException {
        int op = l.intParam(0, 0);
        float[] coeffs = l.floatArray(1);
        List<String> ins = ins(l);
        switch (op) {
            case 1 -> {
                if (coeffs.length != 0 && coeffs.length != ins.size()) {
                    throw refuse("gives layer " + l.name() + " " + coeffs.length + " coefficients for " + ins.size() + " inputs");
                }
                ops.add(new Op.Sum(ins, out(l), coeffs.length == 0 ? null : coeffs));
            }
            case 0, 2 -> chain(l, ins, op == 0 ? Op.Binary.Kind.MUL : Op.Binary.Kind.MAX);
            default -> throw refuse("uses Eltwise operation " + op + " in layer " + l.name()
                    + ", which SR Studio does not support");
        }
    }

    private void chain(NcnnLayer l, List<String> ins, Op.Binary.Kind kind) {
        String acc = ins.get(0);
        for (int i = 1; i < ins.size(); i++) {
            String target = i == ins.size() - 1 ? out(l) : l.name() + "#" + i;
            ops.add(new Op.Binary(acc, ins.get(i), 0f, kind, target));
            acc = target;
        }
    }

    private void binary(NcnnLayer l) throws StudioException {
        int op = l.intParam(0, 0);
        Op.Binary.Kind kind = switch (op) {
            case 0 -> Op.Binary.Kind.ADD;
            case 1 -> Op.Binary.Kind.SUB;
            case 2 -> Op.Binary.Kind.MUL;
            case 3 -> Op.Binary.Kind.DIV;
            case 4 -> Op.Binary.Kind.MAX;
            case 5 -> Op.Binary.Kind.MIN;
            case 7 -> Op.Binary.Kind.RSUB;
            case 8 -> Op.Binary.Kind.RDIV;
            default -> throw refuse("uses BinaryOp operation " + op + " in layer " + l.name()
                    + ", which SR Studio does not support");
        };
        boolean scalar = l.intParam(1, 0) != 0;
        if (scalar) {
            ops.add(new Op.Binary(in(l, 0), null, l.floatParam(2, 0f), kind, out(l)));
        } else {
            ops.add(new Op.Binary(in(l, 0), in(l, 1), 0f, kind, out(l)));
        }
    }

    private void interp(NcnnLayer l) throws StudioException {
        int type = l.intParam(0, 0);
        Op.Upsample.Mode mode = switch (type) {
            case 1 -> Op.Upsample.Mode.NEAREST;
            case 2 -> Op.Upsample.Mode.BILINEAR;
            case 3 -> Op.Upsample.Mode.BICUBIC;
            default -> throw refuse("uses Interp resize type " + type + " in layer " + l.name()
                    + ", which SR Studio does not support");
        };
        float hs = l.floatParam(1, 1f);
        float ws = l.floatParam(2, 1f);
        if (l.intParam(3, 0) != 0 || l.intParam(4, 0) != 0 || l.intParam(5, 0) != 0 || l.intParam(6, 0) != 0
                || hs != ws) {
            throw refuse("resizes to a fixed or uneven size, or with aligned corners, in layer " + l.name()
                    + ", which SR Studio does not support");
        }
        if (hs >= 1f && hs == Math.rint(hs)) {
            ops.add(new Op.Upsample(in(l, 0), out(l), (int) hs, mode));
        } else {
            ops.add(new Op.Resize(in(l, 0), out(l), hs, mode));
        }
    }

    private String outputBlob(List<NcnnLayer> layers) throws StudioException {
        Set<String> consumed = new HashSet<>();
        for (NcnnLayer l : layers) {
            consumed.addAll(l.bottoms());
        }
        List<String> outputs = new ArrayList<>();
        for (NcnnLayer l : layers) {
            if (!l.type().equals("Split") && !l.type().equals("Input")) {
                l.tops().stream().filter(t -> !consumed.contains(t)).forEach(outputs::add);
            }
        }
        if (outputs.size() != 1) {
            throw refuse("has " + outputs.size() + " output blobs instead of one");
        }
        return outputs.get(0);
    }

    private String in(NcnnLayer l, int i) {
        String b = l.bottoms().get(i);
        return alias.getOrDefault(b, b);
    }

    private List<String> ins(NcnnLayer l) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.bottoms().size(); i++) {
            out.add(in(l, i));
        }
        return out;
    }

    private static String out(NcnnLayer l) {
        return l.tops().get(0);
    }

    private StudioException refuse(String what) {
        return new StudioException("Model " + modelName + " (" + paramFile + ") " + what + ".");
    }
}
