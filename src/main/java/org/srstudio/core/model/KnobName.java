package org.srstudio.core.model;

/** The knob keys a manifest may declare; their presence tells the UI which editor fields apply. */
public final class KnobName {
    public static final String PROMPT = "prompt";
    /** The second, low-level (quality) prompt of dual-prompt models such as XPSR. */
    public static final String PROMPT_LOW = "prompt_low";
    public static final String NEGATIVE_PROMPT = "negative_prompt";
    public static final String GUIDANCE = "guidance";
    public static final String STEPS = "steps";
    public static final String SEED = "seed";
    public static final String TILE_SIZE = "tile_size";
    public static final String COLOR_FIX = "color_fix";

    private KnobName() {
    }
}
