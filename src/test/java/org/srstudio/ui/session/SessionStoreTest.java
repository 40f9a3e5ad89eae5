package org.srstudio.ui.session;

import org.srstudio.core.prompt.PromptHistory;
import org.srstudio.core.prompt.PromptOrigin;
import org.srstudio.core.prompt.PromptPair;
import org.srstudio.core.prompt.PromptProtocol;
import org.srstudio.core.prompt.PromptSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioException;
import org.srstudio.core.job.ColorFix;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.store.Provenance;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.prompt.ParameterValues;

class SessionStoreTest {
    @TempDir
    Path dir;

    static Provenance provenance(String input) {
        return new Provenance(input, "ab12", 64, 48, "realesrgan-x4plus", "0.1", 4,
                new ModelParameters("a cat", null, 7.5, 20, 42L, 256, ColorFix.ADAIN), 42, "cpu", 10, 900,
                Instant.parse("2026-11-23T12:00:00Z"), "SR Studio", Map.of("tiles", "4"));
    }

    @Test
    void sessionSurvivesARoundTripWithProvenanceAndScores() {
        Provenance p = provenance("/in/cat.png");
        Variant v = Variant.result(dir.resolve("cat_esrgan.png"), "Real-ESRGAN ×4", p);
        SessionState state = new SessionState(SessionState.VERSION, List.of("/in/cat.png"), "/in/cat.png",
                List.of("realesrgan-x4plus"), "realesrgan-x4plus",
                Map.of("osediff", new ParameterValues(4, "a cat", "", "blur", 3.5, 1, "9", 512, ColorFix.WAVELET)),
                List.of(SavedVariant.of(Path.of("/in/cat.png"), v)), Map.of(v.key(), Map.of("psnr", 27.5)), "GRID");
        SessionStore store = new SessionStore(dir, Runnable::run);
        store.saveNow(state);
        SessionState back = new SessionStore(dir, Runnable::run).load();
        assertThat(back).isEqualTo(state);
        assertThat(back.variants().get(0).toVariant()).isEqualTo(v);
    }

    @Test
    void promptHistoriesAndLowLevelPromptsSurviveARoundTrip() {
        Provenance p = new Provenance("/in/cat.png", "ab12", 64, 48, "xpsr", "1", 4,
                new ModelParameters("a cat on a sofa", null, 7.5, 20, 42L, 0, null, "noisy, slightly blurry"), 42,
                "cpu", 10, 900, Instant.parse("2026-11-23T12:00:00Z"), "SR Studio", Map.of());
        Variant v = Variant.result(dir.resolve("cat_xpsr.png"), "XPSR ×4", p);
        PromptHistory history = PromptHistory.empty("cat")
                .with(new PromptPair("a cat", "sharp"), PromptOrigin.MLLM, Instant.parse("2026-11-23T12:00:00Z"))
                .with(new PromptPair("a cat on a sofa", "noisy, slightly blurry"), PromptOrigin.EDITED,
                        Instant.parse("2026-11-23T12:01:00Z"));
        SessionState state = new SessionState(SessionState.VERSION, List.of("/in/cat.png"), "/in/cat.png",
                List.of("xpsr"), "xpsr", Map.of(), List.of(SavedVariant.of(Path.of("/in/cat.png"), v)), Map.of(),
                "SLIDER", Map.of("/in/cat.png", history));
        new SessionStore(dir, Runnable::run).saveNow(state);
        SessionState back = new SessionStore(dir, Runnable::run).load();
        assertThat(back.prompts()).isEqualTo(state.prompts());
        assertThat(back.variants().get(0).toVariant().prompts())
                .contains(new PromptPair("a cat on a sofa", "noisy, slightly blurry"));
    }

    @Test
    void promptSettingsAreKeptWithThePreferences() {
        PromptSettings settings = PromptSettings.defaults()
                .withServer(java.net.URI.create("http://127.0.0.1:8080/v1"), PromptProtocol.OPENAI)
                .withModels("llava-1.6", "q-instruct").withInstructions("What is shown?", "How good is it?")
                .withTimeouts(PromptSettings.DEFAULT_CONNECT_TIMEOUT, java.time.Duration.ofSeconds(45));
        new PreferencesStore(dir).save(Preferences.DEFAULTS.withPrompts(PromptPreferences.of(settings)));
        assertThat(new PreferencesStore(dir).load().prompts().toSettings()).isEqualTo(settings);
    }

    @Test
    void anUnreadableSessionFileGivesAnEmptySession() throws Exception {
        Files.writeString(dir.resolve(SessionStore.FILE), "{ not json");
        assertThat(new SessionStore(dir, Runnable::run).load()).isEqualTo(SessionState.empty());
    }

    @Test
    void preferencesAreKept() {
        new PreferencesStore(dir).save(Preferences.DEFAULTS.withTheme("DARK").withOutputFolder("/out"));
        assertThat(new PreferencesStore(dir).load()).isEqualTo(new Preferences("DARK", "/out", null));
    }

    @Test
    void savedResultsAreNamedAfterInputModelAndScaleAndNeverOverwrite() throws Exception {
        Path stored = dir.resolve("store/x.png");
        Files.createDirectories(stored.getParent());
        Files.write(stored, new byte[] {1, 2, 3});
        Variant v = Variant.result(stored, "Real-ESRGAN", provenance("/in/cat.jpeg"));
        Path out = dir.resolve("out");
        List<Path> first = ResultExporter.save(List.of(v), out);
        List<Path> second = ResultExporter.save(List.of(v), out);
        assertThat(first).containsExactly(out.resolve("cat_realesrgan-x4plus_x4.png"));
        assertThat(second).containsExactly(out.resolve("cat_realesrgan-x4plus_x4_2.png"));
        assertThat(Files.readAllBytes(first.get(0))).containsExactly(1, 2, 3);
        try (var files = Files.list(out)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void savingAMissingResultSaysWhich() {
        Variant v = Variant.result(dir.resolve("gone.png"), "Real-ESRGAN", provenance("/in/cat.png"));
        assertThatThrownBy(() -> ResultExporter.save(List.of(v), dir.resolve("out")))
                .isInstanceOf(StudioException.class).hasMessageContaining("cat_realesrgan-x4plus_x4.png");
    }
}
