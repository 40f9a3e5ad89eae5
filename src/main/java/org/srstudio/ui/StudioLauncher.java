package org.srstudio.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import org.srstudio.core.StudioServices;
import org.srstudio.ui.scores.VariantScorer;

/**
 * Starts the studio window from the composition root. This class does not extend {@code Application}, so it can
 * be called from a plain {@code main} with JavaFX on the class path. It returns when the window is closed.
 */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    /** Opens the window with no quality metrics; {@code initialInputs} are files or folders to add. */
    public static void launch(StudioServices services, List<Path> initialInputs) {
        launch(services, initialInputs, VariantScorer.NONE);
    }

    /** Opens the window; {@code scorer} fills the scores table (the IQA service adapted by the caller). */
    public static void launch(StudioServices services, List<Path> initialInputs, VariantScorer scorer) {
        StudioApplication.prepare(new StudioApplication.Launch(services, scorer, initialInputs));
        Application.launch(StudioApplication.class);
    }
}
