package org.srstudio.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One user-facing parameter a model reads, with its default and range. Numeric knobs use min/max/defaultValue;
 * text knobs (prompts) use defaultText; choice knobs (colour fix) list their choices.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Knob(Double defaultValue, Double min, Double max, String defaultText, java.util.List<String> choices) {
    public Knob {
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("Knob range is empty: min " + min + " > max " + max);
        }
        if (defaultValue != null && ((min != null && defaultValue < min) || (max != null && defaultValue > max))) {
            throw new IllegalArgumentException("Knob default " + defaultValue + " lies outside [" + min + ", " + max + "]");
        }
        choices = choices == null ? null : java.util.List.copyOf(choices);
    }

    public static Knob numeric(double defaultValue, double min, double max) {
        return new Knob(defaultValue, min, max, null, null);
    }

    public static Knob text(String defaultText) {
        return new Knob(null, null, null, defaultText, null);
    }

    public boolean accepts(double value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }
}
