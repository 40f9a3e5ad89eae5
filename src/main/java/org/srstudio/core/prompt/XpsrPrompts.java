package org.srstudio.core.prompt;

/**
 * The fixed texts of XPSR's prompt scheme (configs/xpsr_test.yaml, utils_data/*_prompt_test.py, pipeline_xpsr.py),
 * kept verbatim so that prompts written here condition the model the way the official scripts do.
 */
public final class XpsrPrompts {
    /** What LLaVA-1.5 is asked for the high-level (content) prompt. */
    public static final String HIGH_LEVEL_INSTRUCTION = "Please provide a descriptive summary of the content of this image.";
    /** What the Q-Instruct model is asked for the low-level (quality) prompt. */
    public static final String LOW_LEVEL_INSTRUCTION = "Describe and evaluate the quality of the image.";
    /** Appended to the high-level prompt at test time, after one space. */
    public static final String ADDED_PROMPT = "clean, high-resolution, 8k, high quality, clear text.";
    /** Negative prompt paired with the high-level prompt under classifier-free guidance. */
    public static final String NEGATIVE_PROMPT = "blurry, dotted, noise, raster lines, unclear, lowres, over-smoothed.";
    /** Negative prompt paired with the low-level prompt (hard-coded in the XPSR pipeline). */
    public static final String LOW_LEVEL_NEGATIVE_PROMPT = "high resolution, best quality, clear";

    private XpsrPrompts() {
    }

    /** The positive text XPSR encodes for a high-level prompt: the prompt, left-stripped, one space, the added prompt. */
    public static String conditioningPrompt(String highLevelPrompt) {
        String base = highLevelPrompt == null ? "" : highLevelPrompt.stripLeading();
        return base + " " + ADDED_PROMPT;
    }

    /**
     * Cleans an MLLM answer as XPSR's generation scripts do: keeps the text after the last {@code ASSISTANT:}
     * (LLaVA echoes its chat template), turns line breaks into spaces and trims, so the prompt is one line.
     */
    public static String cleanAnswer(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw;
        int marker = text.lastIndexOf("ASSISTANT:");
        if (marker >= 0) {
            text = text.substring(marker + "ASSISTANT:".length());
        }
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').trim();
    }
}
