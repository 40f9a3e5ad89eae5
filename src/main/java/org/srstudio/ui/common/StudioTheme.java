package org.srstudio.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.net.URL;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Light and dark looks: an AtlantaFX Primer user-agent stylesheet plus the studio's own sheets. The studio
 * sheets are authored in the top-level {@code themes/} folder and copied into the jar by the build under
 * {@code org/srstudio/ui/themes/}; {@code studio.css} uses only looked-up colours, and the per-theme file
 * defines the few colours AtlantaFX does not (canvas overlays, heat-map palette).
 */
public enum StudioTheme {
    LIGHT(new PrimerLight(), "studio-light.css"),
    DARK(new PrimerDark(), "studio-dark.css");

    private static final String BASE = "studio.css";

    private final Theme atlantaTheme;
    private final String paletteSheet;

    StudioTheme(Theme atlantaTheme, String paletteSheet) {
        this.atlantaTheme = atlantaTheme;
        this.paletteSheet = paletteSheet;
    }

    public StudioTheme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Installs this theme application-wide and on the scene, replacing the other one. */
    public void apply(Scene scene) {
        String userAgent = atlantaTheme.getUserAgentStylesheet();
        // Setting it, even to the same sheet, restyles every open window: 100-200 ms for the studio's.
        if (!userAgent.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(userAgent);
        }
        scene.getStylesheets().setAll(sheet(BASE), sheet(paletteSheet));
    }

    static String sheet(String name) {
        URL url = StudioTheme.class.getResource("/org/srstudio/ui/themes/" + name);
        return Objects.requireNonNull(url, "theme sheet " + name + " is missing from the build").toExternalForm();
    }
}
