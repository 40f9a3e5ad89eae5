package org.srstudio.engine.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole network in execution order: one RGB input blob in [0, 1] to one output blob {@code scale} times larger.
 *
 * @param receptiveMargin input pixels of context each output pixel depends on at most, used to size tile overlap
 */
public record Graph(String name, String input, String output, List<Op> ops, int scale, int receptiveMargin) {
    public Graph {
        ops = List.copyOf(ops);
        if (scale < 1) {
            throw new IllegalArgumentException("Scale must be at least 1");
        }
        Set<String> defined = new HashSet<>();
        defined.add(input);
        for (Op op : ops) {
            for (String in : op.inputs()) {
                if (!defined.contains(in)) {
                    throw new IllegalArgumentException("Network " + name + " uses blob '" + in + "' before it is made");
                }
            }
            defined.addAll(op.outputs());
        }
        if (!defined.contains(output)) {
            throw new IllegalArgumentException("Network " + name + " never makes its output blob '" + output + "'");
        }
    }
}
