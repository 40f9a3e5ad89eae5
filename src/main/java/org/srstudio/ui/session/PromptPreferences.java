package org.srstudio.ui.session;

import java.net.URI;
import java.time.Duration;
import org.srstudio.core.prompt.PromptProtocol;
import org.srstudio.core.prompt.PromptSettings;

/**
 * The prompt settings as they are kept in {@code preferences.json}: plain strings and seconds, so the file stays
 * readable and a hand edit that breaks one value falls back to the defaults instead of losing the whole file.
 */
public record PromptPreferences(String endpoint, String protocol, String highLevelModel, String lowLevelModel,
                                String highLevelInstruction, String lowLevelInstruction, long timeoutSeconds) {

    public static PromptPreferences of(PromptSettings s) {
        return new PromptPreferences(s.endpoint().toString(), s.protocol().name(), s.highLevelModel(),
                s.lowLevelModel(), s.highLevelInstruction(), s.lowLevelInstruction(), s.readTimeout().toSeconds());
    }

    /** These values over the defaults; values that do not make valid settings give the defaults. */
    public PromptSettings toSettings() {
        PromptSettings d = PromptSettings.defaults();
        try {
            return d.withServer(URI.create(endpoint), PromptProtocol.valueOf(protocol))
                    .withModels(highLevelModel, lowLevelModel)
                    .withInstructions(highLevelInstruction, lowLevelInstruction)
                    .withTimeouts(d.connectTimeout(), Duration.ofSeconds(timeoutSeconds));
        } catch (RuntimeException e) {
            return d;
        }
    }
}
