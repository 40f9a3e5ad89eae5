package org.srstudio.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a model works, which decides what a user should expect of its speed and knobs. */
public enum ModelFamily {
    CLASSICAL("classical"),
    GAN("gan"),
    ONE_STEP_DIFFUSION("one-step-diffusion"),
    MULTI_STEP_DIFFUSION("multi-step-diffusion");

    private final String json;

    ModelFamily(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static ModelFamily fromJson(String value) {
        for (ModelFamily f : values()) {
            if (f.json.equals(value.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown model family '" + value
                + "'; use classical, gan, one-step-diffusion or multi-step-diffusion.");
    }

    public String displayName() {
        return switch (this) {
            case CLASSICAL -> "Classical";
            case GAN -> "GAN";
            case ONE_STEP_DIFFUSION -> "One-step diffusion";
            case MULTI_STEP_DIFFUSION -> "Multi-step diffusion";
        };
    }
}
