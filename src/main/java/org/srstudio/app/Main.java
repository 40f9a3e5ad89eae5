package org.srstudio.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.srstudio.cli.SrStudioCommand;
import org.srstudio.core.StudioServices;
import org.srstudio.core.prompt.PromptService;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.iqa.ScoringService;
import org.srstudio.ui.StudioLauncher;

/**
 * The one entry point: a sub-command runs the CLI; nothing, or only files and folders, opens the studio window
 * with those inputs loaded (which is also how "Open with SR Studio" reaches it). It does not extend
 * {@code Application}, so JavaFX may live on the class path.
 */
public final class Main {
    private static final Set<String> GUI_FLAGS = Set.of("--gui");

    private Main() {
    }

    public static void main(String[] args) {
        if (opensWindow(args)) {
            List<Path> inputs = Arrays.stream(args).filter(a -> !GUI_FLAGS.contains(a)).map(Path::of).toList();
            StudioPaths paths = StudioPaths.fromEnvironment();
            try (StudioServices services = Studio.create(paths, ImageDecoder.DEFAULT_MAX_PIXELS);
                 ScoringService scoring = Studio.scoring(paths);
                 PromptService prompts = new PromptService()) {
                StudioLauncher.launch(services, inputs, new IqaVariantScorer(scoring, services.decoder()), prompts);
            }
            System.exit(0);
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        StudioPaths paths = StudioPaths.fromEnvironment();
        int code = SrStudioCommand.commandLine(Studio.cliServices(paths), out, err).execute(args);
        System.exit(code);
    }

    /** Sub-command names win over files of the same name (the checkout has a models/ folder). */
    public static boolean opensWindow(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (SrStudioCommand.subcommandNames().contains(args[0])) {
            return false;
        }
        return Arrays.stream(args).allMatch(a -> GUI_FLAGS.contains(a) || (!a.startsWith("-") && Files.exists(Path.of(a))));
    }
}
