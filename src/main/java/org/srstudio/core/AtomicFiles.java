package org.srstudio.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files through a temporary sibling and a move, so readers never see half a file. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What fills the temporary file before it is moved into place. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temp) throws IOException;
    }

    /** Writes {@code target} in one step: it keeps its old content, or is absent, until the new one is whole. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
        boolean moved = false;
        try {
            content.writeTo(temp);
            moveIntoPlace(temp, absolute);
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed and says so; a leftover temp file is harmless
                }
            }
        }
    }

    public static void writeString(Path target, String text) throws StudioException {
        try {
            write(target, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StudioException("Could not write " + target.toAbsolutePath() + ": " + e.getMessage() + ".", e);
        }
    }

    /** Replaces {@code target} with {@code temp}, a file in the same folder. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this is only reached on file systems without rename; still never a partial target.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
