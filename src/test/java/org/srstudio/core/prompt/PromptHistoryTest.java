package org.srstudio.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioException;

class PromptHistoryTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    @Test
    void addingKeepsTheOldHistoryUnchanged() {
        PromptHistory empty = PromptHistory.empty("0801");
        PromptHistory one = empty.with(new PromptPair("A house.", "Blurry."), PromptOrigin.MLLM, T0);
        PromptHistory two = one.with(new PromptPair("A red house.", "Blurry."), PromptOrigin.EDITED, T0.plusSeconds(60));

        assertThat(empty.entries()).isEmpty();
        assertThat(one.entries()).hasSize(1);
        assertThat(two.entries()).extracting(PromptHistory.Entry::origin).containsExactly(PromptOrigin.MLLM, PromptOrigin.EDITED);
        assertThat(two.latest().orElseThrow().prompts().highLevel()).isEqualTo("A red house.");
        assertThatThrownBy(() -> two.entries().add(two.entries().get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rerunningUnchangedPromptsDoesNotRepeatThem() {
        PromptPair pair = new PromptPair("A house.", "Blurry.");
        PromptHistory once = PromptHistory.empty("x").with(pair, PromptOrigin.EDITED, T0);

        assertThat(once.with(pair, PromptOrigin.EDITED, T0.plusSeconds(5))).isSameAs(once);
        assertThat(once.with(pair, PromptOrigin.MLLM, T0.plusSeconds(5)).entries()).hasSize(2);
    }

    @Test
    void historyIsBoundedToTheNewestEntries() {
        PromptHistory history = PromptHistory.empty("x");
        for (int i = 0; i < PromptHistory.MAX_ENTRIES + 5; i++) {
            history = history.with(new PromptPair("p" + i, ""), PromptOrigin.EDITED, T0.plusSeconds(i));
        }

        assertThat(history.entries()).hasSize(PromptHistory.MAX_ENTRIES);
        assertThat(history.entries().get(0).prompts().highLevel()).isEqualTo("p5");
    }

    @Test
    void savedHistoryLoadsBackEqual() throws Exception {
        PromptHistory history = PromptHistory.empty("0801")
                .with(new PromptPair("A house.", "Blurry."), PromptOrigin.MLLM, T0)
                .with(new PromptPair("A house.", "The image is sharp."), PromptOrigin.MEASUREMENTS, T0.plusSeconds(1));
        Path file = dir.resolve("sub/0801.prompts.json");

        history.save(file);

        assertThat(PromptHistory.load(file, "0801")).isEqualTo(history);
        assertThat(Files.readString(file)).contains("\"createdAt\" : \"2026-01-02T03:04:05Z\"");
    }

    @Test
    void missingFileIsAnEmptyHistoryAndCorruptFileASentence() throws Exception {
        assertThat(PromptHistory.load(dir.resolve("none.json"), "n")).isEqualTo(PromptHistory.empty("n"));

        Path corrupt = dir.resolve("bad.json");
        Files.writeString(corrupt, "{\"input\": \"x\", \"entries\": [");
        assertThatThrownBy(() -> PromptHistory.load(corrupt, "x")).isInstanceOf(StudioException.class)
                .hasMessage("The prompt history " + corrupt + " is not valid JSON.");
    }
}
