package org.srstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** The AOT cache's training run, headless: the real window shows both training images and nothing is left. */
@ExtendWith(ApplicationExtension.class)
class AotTrainingTest {
    @TempDir
    Path parent;

    @TempDir
    Path models;

    @Test
    void theTrainingRunShowsAPngAndAJpegInTheRealWindowAndLeavesNoFileBehind() throws Exception {
        List<Path> shown = AotTraining.trainIn(parent, models);

        assertThat(shown).extracting(Path::toString).containsExactly("training.png", "training.jpg");
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }
}
