package org.srstudio.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.stage.Stage;
import org.srstudio.core.StudioServices;
import org.srstudio.core.prompt.PromptService;
import org.srstudio.ui.scores.VariantScorer;

/**
 * The JavaFX application. JavaFX instantiates it reflectively, so the services it needs are handed over by
 * {@link StudioLauncher} through {@link #prepare} before the toolkit starts.
 */
public final class StudioApplication extends Application {
    private static volatile Launch pending;

    private StudioWindow window;

    record Launch(StudioServices services, VariantScorer scorer, PromptService prompts, List<Path> inputs) {
        Launch {
            Objects.requireNonNull(services, "services");
            Objects.requireNonNull(scorer, "scorer");
            inputs = List.copyOf(inputs);
        }
    }

    static void prepare(Launch launch) {
        pending = launch;
    }

    @Override
    public void start(Stage stage) {
        Launch launch = Objects.requireNonNull(pending, "StudioLauncher.launch must be used to start the studio");
        window = StudioWindow.open(stage, launch.services(), launch.scorer(), launch.prompts(),
                launch.inputs());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
