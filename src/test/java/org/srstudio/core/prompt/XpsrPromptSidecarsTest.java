package org.srstudio.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioException;

class XpsrPromptSidecarsTest {
    @TempDir
    Path dir;

    private void writeRaw(String folder, String name, String content) throws Exception {
        Files.createDirectories(dir.resolve(folder));
        Files.writeString(dir.resolve(folder).resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void readsOnlyTheFirstLineLeftStrippedAsXpsrDoes() throws Exception {
        writeRaw("highlevel_prompt", "0801.txt", "  A tall building under a blue sky.\nsecond line is ignored\n");
        writeRaw("lowlevel_prompt_q", "0801.txt", "The image is blurry.\r\nmore");

        PromptPair pair = XpsrPromptSidecars.promptsFor(dir, Path.of("/data/LR/0801.png")).orElseThrow();

        assertThat(pair).isEqualTo(new PromptPair("A tall building under a blue sky.", "The image is blurry."));
    }

    @Test
    void missingFilesGiveNothingOrAnEmptyHalf() throws Exception {
        assertThat(XpsrPromptSidecars.promptsFor(dir, Path.of("nothing.png"))).isEmpty();

        writeRaw("lowlevel_prompt_q", "only_low.txt", "Noisy.");

        assertThat(XpsrPromptSidecars.promptsFor(dir, Path.of("only_low.jpg"))).contains(new PromptPair("", "Noisy."));
    }

    @Test
    void exportedPromptsReadBackAndLandWhereXpsrLooks() throws Exception {
        PromptPair pair = new PromptPair("Un café ☕ on a table,\nseen from above.", "The image is sharp.");

        XpsrPromptSidecars.writeFor(dir, Path.of("shots/cafe.v2.png"), pair);

        Path high = dir.resolve("highlevel_prompt/cafe.v2.txt");
        Path low = dir.resolve("lowlevel_prompt_q/cafe.v2.txt");
        assertThat(Files.readString(high, StandardCharsets.UTF_8)).isEqualTo("Un café ☕ on a table, seen from above.");
        assertThat(Files.readString(low, StandardCharsets.UTF_8)).isEqualTo("The image is sharp.");
        assertThat(XpsrPromptSidecars.promptsFor(dir, Path.of("elsewhere/cafe.v2.jpg"))).contains(pair);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("cafe.v2.txt", "cafe.v2.txt");
        }
    }

    @Test
    void exportOverwritesAnEarlierPrompt() throws Exception {
        XpsrPromptSidecars.write(dir, "a", new PromptPair("old", "old"));
        XpsrPromptSidecars.write(dir, "a", new PromptPair("new high", "new low"));

        assertThat(XpsrPromptSidecars.read(dir, "a")).contains(new PromptPair("new high", "new low"));
    }

    @Test
    void readAllFindsNamesFromEitherFolder() throws Exception {
        XpsrPromptSidecars.writeAll(dir, Map.of("x", new PromptPair("X high", "X low"), "y", new PromptPair("Y high", "")));
        writeRaw("lowlevel_prompt_q", "z.txt", "Z low");
        writeRaw("lowlevel_prompt_q", "notes.md", "not a prompt");

        Map<String, PromptPair> all = XpsrPromptSidecars.readAll(dir);

        assertThat(all).containsOnlyKeys("x", "y", "z");
        assertThat(all.get("x")).isEqualTo(new PromptPair("X high", "X low"));
        assertThat(all.get("z")).isEqualTo(new PromptPair("", "Z low"));
    }

    @Test
    void stemDropsOnlyTheLastExtension() {
        assertThat(XpsrPromptSidecars.stem(Path.of("/a/b/img.001.png"))).isEqualTo("img.001");
        assertThat(XpsrPromptSidecars.stem(Path.of("noext"))).isEqualTo("noext");
        assertThat(XpsrPromptSidecars.stem(Path.of(".hidden"))).isEqualTo(".hidden");
    }

    @Test
    void namesThatLeaveTheFolderAreRefused() {
        assertThatThrownBy(() -> XpsrPromptSidecars.write(dir, "../evil", PromptPair.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XpsrPromptSidecars.read(dir, "..")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonUtf8FileGivesSentence() throws Exception {
        Files.createDirectories(dir.resolve("highlevel_prompt"));
        Files.write(dir.resolve("highlevel_prompt/bad.txt"), new byte[] {(byte) 0xC3, (byte) 0x28, 'a'});

        assertThatThrownBy(() -> XpsrPromptSidecars.read(dir, "bad")).isInstanceOf(StudioException.class)
                .hasMessageContaining("not UTF-8");
    }
}
