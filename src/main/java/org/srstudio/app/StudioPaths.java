package org.srstudio.app;

import java.nio.file.Path;

/**
 * Where the studio finds models and keeps its data. The launcher script passes its own folder as
 * {@code srstudio.home}, so a checkout uses its {@code models/}; an installed app's launcher does the same with
 * the installation folder. {@code SRSTUDIO_MODELS} and {@code SRSTUDIO_DATA} override either.
 */
public record StudioPaths(Path modelsDir, Path dataDir) {
    public static StudioPaths fromEnvironment() {
        Path home = Path.of(setting("srstudio.home", "SRSTUDIO_HOME", ".")).toAbsolutePath().normalize();
        Path models = Path.of(setting("srstudio.models", "SRSTUDIO_MODELS", home.resolve("models").toString()));
        String xdg = System.getenv("XDG_DATA_HOME");
        Path dataBase = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        Path data = Path.of(setting("srstudio.data", "SRSTUDIO_DATA", dataBase.resolve("srstudio").toString()));
        return new StudioPaths(models.toAbsolutePath().normalize(), data.toAbsolutePath().normalize());
    }

    /**
     * Folders the registry scans: the models folder, preceded by the user's own one in the data folder when
     * the models folder is not writable (an installed app's bundled models).
     */
    public java.util.List<Path> modelDirs() {
        boolean writable = !java.nio.file.Files.exists(modelsDir) || java.nio.file.Files.isWritable(modelsDir);
        return writable ? java.util.List.of(modelsDir) : java.util.List.of(dataDir.resolve("models"), modelsDir);
    }

    public Path resultsDir() {
        return dataDir.resolve("results");
    }

    private static String setting(String property, String env, String fallback) {
        String p = System.getProperty(property);
        if (p != null && !p.isBlank()) {
            return p;
        }
        String e = System.getenv(env);
        return e != null && !e.isBlank() ? e : fallback;
    }
}
