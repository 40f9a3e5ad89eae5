package org.srstudio.core.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How N inference timesteps are picked among T training steps, as in diffusers' {@code timestep_spacing}. */
public enum TimestepSpacing {
    /** k * (T / N) + steps_offset, counting down. */
    LEADING("leading"),
    /** round(T - k * T / N) - 1, counting down. */
    TRAILING("trailing"),
    /** round(linspace(0, T - 1, N)), counting down. */
    LINSPACE("linspace");

    private final String jsonName;

    TimestepSpacing(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @JsonCreator
    public static TimestepSpacing of(String name) {
        return ConfigNames.parse(TimestepSpacing.class, "timestep_spacing", name, TimestepSpacing::jsonName);
    }
}
