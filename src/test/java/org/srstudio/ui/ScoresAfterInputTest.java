package org.srstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.srstudio.ui.common.ManualScheduler;

class ScoresAfterInputTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final ScoresAfterInput scores = new ScoresAfterInput(clock);
    private final List<String> filled = new ArrayList<>();

    @Test
    void anInputAlreadyOnScreenGetsItsRowsAtOnce() {
        scores.fill(new SimpleBooleanProperty(true), () -> filled.add("a"));

        assertThat(filled).containsExactly("a");
    }

    @Test
    void whileTheInputLoadsTheRowsWaitUntilAFewFramesAfterItsFirstPixels() {
        SimpleBooleanProperty shown = new SimpleBooleanProperty(false);
        scores.fill(shown, () -> filled.add("a"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(filled).isEmpty();

        shown.set(true);
        assertThat(filled).isEmpty();
        clock.advance(ScoresAfterInput.AFTER_FIRST_PIXELS);
        assertThat(filled).containsExactly("a");
    }

    @Test
    void aNewerInputReplacesOneStillWaitingAndTheOlderNeverFillsTheTable() {
        SimpleBooleanProperty first = new SimpleBooleanProperty(false);
        SimpleBooleanProperty second = new SimpleBooleanProperty(false);
        scores.fill(first, () -> filled.add("first"));
        first.set(true); // its rows are now due in a few frames
        scores.fill(second, () -> filled.add("second"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(filled).isEmpty();

        second.set(true);
        clock.advance(ScoresAfterInput.AFTER_FIRST_PIXELS);
        assertThat(filled).containsExactly("second");
        assertThat(clock.pending()).isZero();
    }
}
