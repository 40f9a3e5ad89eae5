package org.srstudio.ui.prompt;

import org.srstudio.core.model.Knob;

/** A numeric knob's range and default as the editor uses them, with fallbacks for knobs a manifest leaves open. */
public record KnobRange(double min, double max, double defaultValue) {
    public KnobRange {
        if (min > max) {
            throw new IllegalArgumentException("Empty range [" + min + ", " + max + "]");
        }
    }

    static KnobRange of(Knob knob, KnobRange fallback) {
        if (knob == null) {
            return fallback;
        }
        double min = knob.min() != null ? knob.min() : fallback.min();
        double max = knob.max() != null ? knob.max() : Math.max(fallback.max(), min);
        double def = knob.defaultValue() != null ? knob.defaultValue() : Math.max(min, Math.min(max, fallback.defaultValue()));
        return new KnobRange(min, max, def);
    }

    public double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }
}
