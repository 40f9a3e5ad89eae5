package org.srstudio.ui.compare;

import org.srstudio.core.prompt.PromptPair;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.srstudio.core.store.Provenance;

/**
 * One image of an input that can be compared: a baseline, a model result or a ground truth.
 *
 * @param key    stable identity within the session (the stored file for results)
 * @param image  the file holding the pixels; for baselines, the input file
 * @param width  its pixel size (for baselines, the input's); every variant is shown stretched to the largest
 * @param modelId the model that made it, or empty for baselines and ground truth
 */
public record Variant(String key, String label, VariantKind kind, Path image, int width, int height,
                      String modelId, Optional<Provenance> provenance) {
    public Variant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(image, "image");
        modelId = modelId == null ? "" : modelId;
        provenance = provenance == null ? Optional.empty() : provenance;
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Variant size must be positive, got " + width + "x" + height);
        }
    }

    public static Variant baseline(Path input, int width, int height, VariantKind kind) {
        String label = kind == VariantKind.INPUT_NEAREST ? "Input · nearest" : "Input · smooth";
        return new Variant(kind.name() + ":" + input, label, kind, input, width, height, "", Optional.empty());
    }

    public static Variant result(Path stored, String label, Provenance provenance) {
        return new Variant(stored.toString(), label, VariantKind.MODEL, stored,
                provenance.inputWidth() * provenance.scale(), provenance.inputHeight() * provenance.scale(),
                provenance.modelId(), Optional.of(provenance));
    }

    public static Variant groundTruth(Path file, int width, int height) {
        return new Variant("GT:" + file, "Ground truth", VariantKind.GROUND_TRUTH, file, width, height, "",
                Optional.empty());
    }

    /** The prompts a model result was made with (from its provenance's parameters); empty when it had none. */
    public Optional<PromptPair> prompts() {
        return provenance.map(Provenance::parameters).flatMap(p -> {
            PromptPair pair = new PromptPair(p.prompt(), p.lowLevelPrompt());
            return pair.isEmpty() ? Optional.empty() : Optional.of(pair);
        });
    }

    @Override
    public String toString() {
        return label;
    }
}
