package org.srstudio.ui.compare;

/** Where a variant's pixels come from, which decides how it is drawn. */
public enum VariantKind {
    /** The input itself, enlarged on screen with nearest-neighbour: the "what was there" baseline. */
    INPUT_NEAREST,
    /** The input enlarged with smooth interpolation on screen: the "any upscaler should beat this" baseline. */
    INPUT_SMOOTH,
    /** A model's stored result. */
    MODEL,
    /** A high-resolution reference the user supplied. */
    GROUND_TRUTH;

    public boolean isBaseline() {
        return this == INPUT_NEAREST || this == INPUT_SMOOTH;
    }
}
