package org.srstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void noArgumentsOpensTheWindow() {
        assertThat(Main.opensWindow(new String[0])).isTrue();
    }

    @Test
    void existingFilesAndFoldersOpenTheWindowWithThem() throws Exception {
        Path image = Files.createFile(dir.resolve("a.png"));
        assertThat(Main.opensWindow(new String[] {image.toString(), dir.toString()})).isTrue();
    }

    @Test
    void subCommandWinsOverAFolderOfTheSameName() {
        assertThat(Main.opensWindow(new String[] {"models"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"upscale", "-m", "bicubic", "a.png"})).isFalse();
    }

    @Test
    void optionsAndMissingFilesGoToTheCommandLine() {
        assertThat(Main.opensWindow(new String[] {"--help"})).isFalse();
        assertThat(Main.opensWindow(new String[] {dir.resolve("missing.png").toString()})).isFalse();
    }
}
