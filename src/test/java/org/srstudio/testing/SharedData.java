package org.srstudio.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the reference data in {@code ../shared} beside the checkout; tests that need it skip with a message. */
public final class SharedData {
    private SharedData() {
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("srstudio.root", ".")).toAbsolutePath().normalize();
    }

    public static Optional<Path> dir() {
        Path shared = repoRoot().resolveSibling("shared");
        return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
    }

    /** The path under ../shared, or skips the calling test with a message naming what is missing. */
    public static Path require(String relative) {
        Optional<Path> shared = dir();
        assumeTrue(shared.isPresent(), "../shared is absent: reference-data test skipped");
        Path p = shared.get().resolve(relative);
        assumeTrue(Files.exists(p), "../shared/" + relative + " is absent: reference-data test skipped");
        return p;
    }

    /** A fetched model folder under models/, or skips with the command that fetches it. */
    public static Path requireModel(String id) {
        Path p = repoRoot().resolve("models").resolve(id);
        assumeTrue(Files.isDirectory(p), "models/" + id + " is absent (run tools/fetch-models.sh): test skipped");
        return p;
    }
}
