package org.srstudio.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import org.srstudio.core.StudioServices;
import org.srstudio.core.prompt.PromptService;
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
        launch(services, initialInputs, scorer, null);
    }

    /** Opens the window with the prompt writer; the caller owns and closes {@code prompts} (null: none). */
    public static void launch(StudioServices services, List<Path> initialInputs, VariantScorer scorer,
                              PromptService prompts) {
        StudioApplication.prepare(new StudioApplication.Launch(services, scorer, prompts, initialInputs));
        Application.launch(StudioApplication.class);
    }
}
