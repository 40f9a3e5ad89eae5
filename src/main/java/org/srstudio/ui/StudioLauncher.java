package org.srstudio.ui;

import java.nio.file.Path;
import java.util.List;
import org.srstudio.core.StudioServices;

/** Placeholder until the studio window lands; replaced by the UI branch. */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void launch(StudioServices services, List<Path> initialInputs) {
        throw new UnsupportedOperationException("The studio window is not built yet.");
    }
}
