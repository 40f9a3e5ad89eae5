package org.srstudio.ui.prompt;

import org.srstudio.core.job.ColorFix;

/**
 * What the editor holds for one model, remembered per model and saved with the session. Text fields are never
 * null; {@code seed} is blank for "a new random seed each run"; {@code tileSize} 0 is automatic.
 */
public record ParameterValues(int scale, String prompt, String promptLow, String negativePrompt, double guidance,
                              int steps, String seed, int tileSize, ColorFix colorFix) {
    public ParameterValues {
        prompt = prompt == null ? "" : prompt;
        promptLow = promptLow == null ? "" : promptLow;
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        seed = seed == null ? "" : seed.strip();
        colorFix = colorFix == null ? ColorFix.NONE : colorFix;
        if (scale < 1 || scale > 16) {
            throw new IllegalArgumentException("Scale must be between 1 and 16, got " + scale + ".");
        }
    }
}
