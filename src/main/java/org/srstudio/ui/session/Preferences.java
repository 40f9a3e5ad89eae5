package org.srstudio.ui.session;

/**
 * What the user set once and expects kept: the theme, the folder results are saved to by default, and the
 * device to run on (read by the composition root at the next start).
 */
public record Preferences(String theme, String outputFolder, String device) {
    public static final Preferences DEFAULTS = new Preferences("LIGHT", null, null);

    public Preferences {
        theme = theme == null ? "LIGHT" : theme;
    }

    public Preferences withTheme(String value) {
        return new Preferences(value, outputFolder, device);
    }

    public Preferences withOutputFolder(String value) {
        return new Preferences(theme, value, device);
    }

    public Preferences withDevice(String value) {
        return new Preferences(theme, outputFolder, value);
    }
}
