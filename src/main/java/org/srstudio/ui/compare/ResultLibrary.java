package org.srstudio.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.srstudio.ui.common.ImageFacts;

/** Every result and ground truth of the session, per input, in the order they arrived. */
public final class ResultLibrary {
    private final Map<Path, List<Variant>> results = new LinkedHashMap<>();
    private final Map<Path, Variant> truths = new LinkedHashMap<>();

    public void addResult(Path input, Variant result) {
        List<Variant> list = results.computeIfAbsent(input, k -> new ArrayList<>());
        if (list.stream().noneMatch(v -> v.key().equals(result.key()))) {
            list.add(result);
        }
    }

    public void setGroundTruth(Path input, Variant truth) {
        truths.put(input, truth);
    }

    public List<Variant> results(Path input) {
        return List.copyOf(results.getOrDefault(input, List.of()));
    }

    public Optional<Variant> groundTruth(Path input) {
        return Optional.ofNullable(truths.get(input));
    }

    /** Baselines (when the input's size is known), then results, then the ground truth. */
    public List<Variant> variantsFor(Path input, ImageFacts inputFacts) {
        List<Variant> out = new ArrayList<>();
        if (inputFacts != null) {
            out.add(Variant.baseline(input, inputFacts.width(), inputFacts.height(), VariantKind.INPUT_NEAREST));
            out.add(Variant.baseline(input, inputFacts.width(), inputFacts.height(), VariantKind.INPUT_SMOOTH));
        }
        out.addAll(results(input));
        groundTruth(input).ifPresent(out::add);
        return out;
    }

    /** Every stored variant with its input, for the session file. */
    public Map<Path, List<Variant>> all() {
        Map<Path, List<Variant>> out = new LinkedHashMap<>();
        results.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        truths.forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        return out;
    }

    public void remove(Path input) {
        results.remove(input);
        truths.remove(input);
    }
}
