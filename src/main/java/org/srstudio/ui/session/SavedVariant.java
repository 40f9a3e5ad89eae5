package org.srstudio.ui.session;

import java.nio.file.Path;
import java.util.Optional;
import org.srstudio.core.store.Provenance;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.compare.VariantKind;

/** A model result or ground truth as the session file keeps it; baselines are rebuilt, not saved. */
public record SavedVariant(String input, String key, String label, VariantKind kind, String image, int width,
                           int height, String modelId, Provenance provenance) {
    public static SavedVariant of(Path input, Variant v) {
        return new SavedVariant(input.toString(), v.key(), v.label(), v.kind(), v.image().toString(), v.width(),
                v.height(), v.modelId(), v.provenance().orElse(null));
    }

    public Variant toVariant() {
        return new Variant(key, label, kind, Path.of(image), width, height, modelId, Optional.ofNullable(provenance));
    }
}
