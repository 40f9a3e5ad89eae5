package org.srstudio.engine.weights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds the state dict inside a training checkpoint the way chaiNNer's spandrel does: BasicSR saves
 * {@code {"params": ..., "params_ema": ...}} (the EMA weights are the ones to run), other trainers use
 * {@code state_dict}, {@code model} or {@code net}, and DataParallel prefixes every key with {@code module.}.
 */
final class CheckpointUnwrapper {
    private static final List<String> WRAPPERS = List.of("params_ema", "params-ema", "params", "state_dict",
            "model", "net", "generator");
    private static final List<String> PREFIXES = List.of("module.", "netG.", "_orig_mod.");

    private CheckpointUnwrapper() {
    }

    /** The innermost dict holding the weights, with a common wrapper prefix stripped from its keys. */
    static <T> Map<String, T> unwrap(Object root, Class<T> leaf) {
        Object current = root;
        for (int depth = 0; depth < 4 && current instanceof Map<?, ?> map; depth++) {
            Object inner = null;
            for (String key : WRAPPERS) {
                if (map.get(key) instanceof Map<?, ?> m && !m.isEmpty()) {
                    inner = m;
                    break;
                }
            }
            if (inner == null && map.size() == 1 && map.values().iterator().next() instanceof Map<?, ?> only) {
                inner = only;
            }
            if (inner == null) {
                break;
            }
            current = inner;
        }
        Map<String, T> leaves = new LinkedHashMap<>();
        if (current instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (k instanceof String key && leaf.isInstance(v)) {
                    leaves.put(key, leaf.cast(v));
                }
            });
        }
        return stripCommonPrefix(leaves);
    }

    static <T> Map<String, T> stripCommonPrefix(Map<String, T> leaves) {
        for (String prefix : PREFIXES) {
            Predicate<String> has = k -> k.startsWith(prefix);
            if (!leaves.isEmpty() && leaves.keySet().stream().allMatch(has)) {
                Map<String, T> stripped = new LinkedHashMap<>();
                leaves.forEach((k, v) -> stripped.put(k.substring(prefix.length()), v));
                return stripped;
            }
        }
        return leaves;
    }
}
