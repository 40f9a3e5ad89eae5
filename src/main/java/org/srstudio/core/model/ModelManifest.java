package org.srstudio.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model's {@code model.json}: identity, family, scales, knobs, licence and files. {@code format} tells which
 * loader reads the files ("builtin", "ncnn", "pth", "safetensors", "diffusion"); {@code engine} carries that
 * loader's own settings. The format is documented in docs/model-format.md.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(String id, String name, String version, ModelFamily family, String format,
                            List<Integer> scales, String speed, Map<String, Knob> knobs, String license,
                            String source, String citation, List<ModelFile> files, String install,
                            JsonNode engine) {
    public ModelManifest {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("Model id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'.");
        }
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(format, "format");
        if (scales == null || scales.isEmpty() || scales.stream().anyMatch(s -> s == null || s < 1 || s > 16)) {
            throw new IllegalArgumentException("Model " + id + " must list its scales, each between 1 and 16.");
        }
        name = name == null ? id : name;
        version = version == null ? "" : version;
        speed = speed == null ? "medium" : speed;
        scales = List.copyOf(scales);
        knobs = knobs == null ? Map.of() : Map.copyOf(knobs);
        files = files == null ? List.of() : List.copyOf(files);
        license = license == null ? "unknown" : license;
    }

    public boolean hasKnob(String knob) {
        return knobs.containsKey(knob);
    }

    public int defaultScale() {
        return scales.get(0);
    }
}
