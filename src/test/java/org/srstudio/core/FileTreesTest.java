package org.srstudio.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
    @TempDir
    Path parent;

    @Test
    void aFolderIsDeletedWithEverythingBelowIt() throws Exception {
        Path dir = parent.resolve("work");
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/deep.txt"), "x");
        Files.writeString(dir.resolve("top.txt"), "y");

        FileTrees.delete(dir);

        assertThat(dir).doesNotExist();
        assertThat(parent).isEmptyDirectory();
    }

    @Test
    void aMissingFolderIsNotAnError() throws Exception {
        FileTrees.delete(parent.resolve("never-made"));

        assertThat(parent).isEmptyDirectory();
    }
}
