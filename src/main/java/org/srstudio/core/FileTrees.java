package org.srstudio.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removing a whole folder (temporary work folders of the smoke check, the benchmarks, the AOT training). */
public final class FileTrees {
    private FileTrees() {
    }

    /** Deletes {@code dir} and everything below it, deepest first; a missing folder is not an error. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> files = Files.walk(dir)) {
            all = files.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
