package org.srstudio.core.prompt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The high-level and low-level prompt of one input, each a single line (line breaks become spaces, as XPSR's
 * sidecar files hold one line); either may be empty, which XPSR treats as "no prompt".
 */
public record PromptPair(String highLevel, String lowLevel) {
    /** Keys under which a variant's provenance records the exact prompts it was made with. */
    public static final String PROVENANCE_HIGH_LEVEL = "prompt.highLevel";
    public static final String PROVENANCE_LOW_LEVEL = "prompt.lowLevel";

    public static final PromptPair EMPTY = new PromptPair("", "");

    public PromptPair {
        highLevel = oneLine(highLevel);
        lowLevel = oneLine(lowLevel);
    }

    public PromptPair withHighLevel(String text) {
        return new PromptPair(text, lowLevel);
    }

    public PromptPair withLowLevel(String text) {
        return new PromptPair(highLevel, text);
    }

    public PromptPair with(PromptKind kind, String text) {
        return kind == PromptKind.HIGH_LEVEL ? withHighLevel(text) : withLowLevel(text);
    }

    public String get(PromptKind kind) {
        return kind == PromptKind.HIGH_LEVEL ? highLevel : lowLevel;
    }

    public boolean isEmpty() {
        return highLevel.isEmpty() && lowLevel.isEmpty();
    }

    /** Entries for {@code Provenance.extra}, so a variant says which prompts made it. */
    public Map<String, String> toProvenanceExtra() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(PROVENANCE_HIGH_LEVEL, highLevel);
        extra.put(PROVENANCE_LOW_LEVEL, lowLevel);
        return Map.copyOf(extra);
    }

    /** The prompts recorded by {@link #toProvenanceExtra()}, if the provenance has them. */
    public static Optional<PromptPair> fromProvenanceExtra(Map<String, String> extra) {
        if (extra == null || !extra.containsKey(PROVENANCE_HIGH_LEVEL) && !extra.containsKey(PROVENANCE_LOW_LEVEL)) {
            return Optional.empty();
        }
        return Optional.of(new PromptPair(extra.get(PROVENANCE_HIGH_LEVEL), extra.get(PROVENANCE_LOW_LEVEL)));
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
    }
}
