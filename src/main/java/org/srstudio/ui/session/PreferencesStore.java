package org.srstudio.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code preferences.json} in the data folder; small enough to write synchronously. */
public final class PreferencesStore {
    public static final String FILE = "preferences.json";
    private static final Logger LOG = LoggerFactory.getLogger(PreferencesStore.class);

    private final Path file;

    public PreferencesStore(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Preferences load() {
        try {
            return JsonFiles.read(file, Preferences.class).orElse(Preferences.DEFAULTS);
        } catch (IOException e) {
            LOG.warn("Ignoring the unreadable preferences file {}", file, e);
            return Preferences.DEFAULTS;
        }
    }

    public void save(Preferences preferences) {
        try {
            JsonFiles.write(file, preferences);
        } catch (IOException e) {
            LOG.warn("Could not save preferences to {}", file, e);
        }
    }
}
