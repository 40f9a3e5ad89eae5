package org.srstudio.core.job;

/**
 * The knobs of one model run. A {@code null} field means "the model's default"; the model's manifest says which
 * knobs it reads and their ranges, so range checks against a manifest happen where the model is known.
 *
 * @param tileSize       input-pixel tile side, or 0 for automatic tiling from the memory budget
 * @param lowLevelPrompt the second, quality-describing prompt of dual-prompt models (XPSR)
 */
public record ModelParameters(String prompt, String negativePrompt, Double guidanceScale, Integer steps, Long seed,
                              int tileSize, ColorFix colorFix, String lowLevelPrompt) {
    public static final ModelParameters DEFAULTS = new ModelParameters(null, null, null, null, null, 0, null, null);

    /** Parameters of single-prompt models. */
    public ModelParameters(String prompt, String negativePrompt, Double guidanceScale, Integer steps, Long seed,
                           int tileSize, ColorFix colorFix) {
        this(prompt, negativePrompt, guidanceScale, steps, seed, tileSize, colorFix, null);
    }

    public ModelParameters {
        if (guidanceScale != null && (guidanceScale.isNaN() || guidanceScale.isInfinite() || guidanceScale < 0)) {
            throw new IllegalArgumentException("Guidance scale must be a finite number of at least 0, got " + guidanceScale + ".");
        }
        if (steps != null && (steps < 1 || steps > 10_000)) {
            throw new IllegalArgumentException("Steps must be between 1 and 10000, got " + steps + ".");
        }
        if (tileSize != 0 && (tileSize < 16 || tileSize > 16_384)) {
            throw new IllegalArgumentException("Tile size must be 0 (automatic) or between 16 and 16384, got " + tileSize + ".");
        }
    }

    public ModelParameters withTileSize(int newTileSize) {
        return new ModelParameters(prompt, negativePrompt, guidanceScale, steps, seed, newTileSize, colorFix, lowLevelPrompt);
    }

    public ModelParameters withSeed(Long newSeed) {
        return new ModelParameters(prompt, negativePrompt, guidanceScale, steps, newSeed, tileSize, colorFix, lowLevelPrompt);
    }

    public ModelParameters withPrompts(String newPrompt, String newNegativePrompt) {
        return new ModelParameters(newPrompt, newNegativePrompt, guidanceScale, steps, seed, tileSize, colorFix, lowLevelPrompt);
    }

    public ModelParameters withLowLevelPrompt(String newLowLevelPrompt) {
        return new ModelParameters(prompt, negativePrompt, guidanceScale, steps, seed, tileSize, colorFix, newLowLevelPrompt);
    }
}
