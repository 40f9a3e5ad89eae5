package org.srstudio.ui.session;

/**
 * What the user set once and expects kept: the theme, the folder results are saved to by default, the
 * device to run on (read by the composition root at the next start), and where prompts are asked for (null: the
 * defaults).
 */
public record Preferences(String theme, String outputFolder, String device, PromptPreferences prompts) {
    public static final Preferences DEFAULTS = new Preferences("LIGHT", null, null, null);

    public Preferences(String theme, String outputFolder, String device) {
        this(theme, outputFolder, device, null);
    }

    public Preferences {
        theme = theme == null ? "LIGHT" : theme;
    }

    public Preferences withTheme(String value) {
        return new Preferences(value, outputFolder, device, prompts);
    }

    public Preferences withOutputFolder(String value) {
        return new Preferences(theme, value, device, prompts);
    }

    public Preferences withDevice(String value) {
        return new Preferences(theme, outputFolder, value, prompts);
    }

    public Preferences withPrompts(PromptPreferences value) {
        return new Preferences(theme, outputFolder, device, value);
    }
}
