package org.srstudio.engine.graph;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds concatenations that extend an earlier one by one more input, as in the dense blocks of RRDBNet
 * ({@code cat(x, x1)}, {@code cat(x, x1, x2)}, …). Such a chain can fill one buffer sized for its last member:
 * each step copies only its new input, where separate concatenations copy every input again.
 */
public final class DenseConcatChains {
    private final Map<Op, Op> previous = new IdentityHashMap<>();
    private final Map<Op, Integer> capacity = new IdentityHashMap<>();

    private DenseConcatChains() {
    }

    public static DenseConcatChains of(List<Op> ops, Map<String, Integer> channels) {
        DenseConcatChains chains = new DenseConcatChains();
        Map<List<String>, Op> byInputs = new HashMap<>();
        Map<Op, Op> next = new IdentityHashMap<>();
        for (Op op : ops) {
            if (!(op instanceof Op.Concat concat)) {
                continue;
            }
            List<String> inputs = concat.inputs();
            Op extended = inputs.size() > 2 ? byInputs.get(inputs.subList(0, inputs.size() - 1)) : null;
            // a concat extended twice would have two members writing the same channels of one buffer
            if (extended != null && !next.containsKey(extended)) {
                chains.previous.put(concat, extended);
                next.put(extended, concat);
            }
            byInputs.put(List.copyOf(inputs), concat);
        }
        for (Op op : ops) {
            if (next.containsKey(op) && !chains.previous.containsKey(op)) {
                Op last = op;
                while (next.containsKey(last)) {
                    last = next.get(last);
                }
                Integer size = channels.get(last.outputs().get(0));
                if (size != null) {
                    chains.capacity.put(op, size);
                }
            }
        }
        return chains;
    }

    /** The concat this one extends by one input, if it is part of a chain. */
    public Op extended(Op concat) {
        return previous.get(concat);
    }

    /** Channels of the buffer a chain starting at {@code concat} needs, or 0 when it starts none. */
    public int capacityFrom(Op concat) {
        return capacity.getOrDefault(concat, 0);
    }

    public boolean isEmpty() {
        return capacity.isEmpty();
    }
}
