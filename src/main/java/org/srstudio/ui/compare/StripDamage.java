package org.srstudio.ui.compare;

/**
 * Which strips of a pane must be drawn again: all of them, or those crossing the span that changed along the strip
 * axis. A divider drag or a moving loupe changes only a band a few dozen pixels wide, and only the strips in it are
 * redrawn, so the toolkit repaints and uploads that band instead of the whole pane.
 */
final class StripDamage {
    private boolean all = true;
    private double from = Double.POSITIVE_INFINITY;
    private double to = Double.NEGATIVE_INFINITY;

    void all() {
        all = true;
    }

    /** Marks the span between {@code a} and {@code b}, in either order, widened by {@code margin} on each side. */
    void span(double a, double b, double margin) {
        from = Math.min(from, Math.min(a, b) - margin);
        to = Math.max(to, Math.max(a, b) + margin);
    }

    boolean isEmpty() {
        return !all && from > to;
    }

    /** True when the strip covering [start, end) along the axis must be redrawn. */
    boolean touches(double start, double end) {
        return all || (start < to && end > from);
    }

    void clear() {
        all = false;
        from = Double.POSITIVE_INFINITY;
        to = Double.NEGATIVE_INFINITY;
    }
}
