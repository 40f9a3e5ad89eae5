package org.srstudio.core.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the training betas are laid out, as in diffusers' {@code beta_schedule}. */
public enum BetaSchedule {
    /** Betas evenly spaced from beta_start to beta_end. */
    LINEAR("linear"),
    /** Square roots of the betas evenly spaced (Stable Diffusion). */
    SCALED_LINEAR("scaled_linear"),
    /** The cosine alpha-bar schedule, betas capped at 0.999. */
    SQUAREDCOS_CAP_V2("squaredcos_cap_v2");

    private final String jsonName;

    BetaSchedule(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @JsonCreator
    public static BetaSchedule of(String name) {
        return ConfigNames.parse(BetaSchedule.class, "beta_schedule", name, BetaSchedule::jsonName);
    }
}
