package org.srstudio.engine.arch;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tensors an architecture with given hyper-parameters must have, checked against a state dict's shapes, so
 * that a file detected as an architecture either builds exactly or is reported before anything runs.
 */
final class ShapeCheck {
    private final String architecture;
    private final Map<String, int[]> expected = new LinkedHashMap<>();
    private final Map<String, int[]> optional = new LinkedHashMap<>();

    ShapeCheck(String architecture) {
        this.architecture = architecture;
    }

    /** A convolution: its weight is required, its bias may be absent. */
    ShapeCheck conv(String key, int out, int in, int k) {
        expected.put(key + ".weight", new int[] {out, in, k, k});
        optional.put(key + ".bias", new int[] {out});
        return this;
    }

    ShapeCheck tensor(String key, int... shape) {
        expected.put(key, shape);
        return this;
    }

    /** The first mismatch as the rest of a sentence about the file, or empty when the shapes fit exactly. */
    Optional<String> problem(Map<String, int[]> shapes) {
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            int[] actual = shapes.get(e.getKey());
            if (actual == null) {
                return Optional.of("looks like " + architecture + " but lacks tensor " + e.getKey()
                        + ", so SR Studio cannot run it");
            }
            if (!Arrays.equals(actual, e.getValue())) {
                return Optional.of(mismatch(e.getKey(), actual, e.getValue()));
            }
        }
        for (Map.Entry<String, int[]> e : shapes.entrySet()) {
            int[] want = optional.get(e.getKey());
            if (want != null && !Arrays.equals(want, e.getValue())) {
                return Optional.of(mismatch(e.getKey(), e.getValue(), want));
            }
            if (want == null && !expected.containsKey(e.getKey())) {
                return Optional.of("looks like " + architecture + " but also holds tensor " + e.getKey()
                        + ", which that architecture does not have, so SR Studio cannot run it");
            }
        }
        return Optional.empty();
    }

    private String mismatch(String key, int[] actual, int[] want) {
        return "looks like " + architecture + " but its tensor " + key + " has shape " + GraphBuilder.shape(actual)
                + " where " + GraphBuilder.shape(want) + " fits, so SR Studio cannot run it";
    }
}
