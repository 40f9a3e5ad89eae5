package org.srstudio.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.srstudio.core.Json;
import org.srstudio.core.image.FloatImage;

class PromptBasicsTest {
    @Test
    void defaultsAskOllamaWithXpsrsInstructions() {
        PromptSettings d = PromptSettings.defaults();

        assertThat(d.endpoint()).isEqualTo(URI.create("http://localhost:11434"));
        assertThat(d.protocol()).isEqualTo(PromptProtocol.OLLAMA);
        assertThat(d.highLevelModel()).isEqualTo("llava");
        assertThat(d.highLevelInstruction()).isEqualTo("Please provide a descriptive summary of the content of this image.");
        assertThat(d.lowLevelInstruction()).isEqualTo("Describe and evaluate the quality of the image.");
    }

    @Test
    void settingsRefuseWhatCannotWork() {
        PromptSettings d = PromptSettings.defaults();
        assertThatThrownBy(() -> d.withServer(URI.create("ftp://host"), PromptProtocol.OLLAMA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withModels(" ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withInstructions("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withTimeouts(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxImageSide(8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankLowLevelModelMeansTheSameModel() {
        assertThat(PromptSettings.defaults().withModels("llava:13b", "").lowLevelModel()).isEqualTo("llava:13b");
    }

    @Test
    void settingsTextHidesTheApiKeyAndJsonRoundTrips() throws Exception {
        PromptSettings s = PromptSettings.defaults().withApiKey("sk-very-secret");

        assertThat(s.toString()).doesNotContain("sk-very-secret");
        String json = Json.mapper().writeValueAsString(s);
        assertThat(Json.mapper().readValue(json, PromptSettings.class)).isEqualTo(s);
    }

    @Test
    void answersAreCleanedLikeXpsrsScripts() {
        assertThat(XpsrPrompts.cleanAnswer("USER: Please describe. \nASSISTANT: A dog\non grass. ")).isEqualTo("A dog on grass.");
        assertThat(XpsrPrompts.cleanAnswer("ASSISTANT: one ASSISTANT: two")).isEqualTo("two");
        assertThat(XpsrPrompts.cleanAnswer("  plain\r\nanswer ")).isEqualTo("plain answer");
        assertThat(XpsrPrompts.conditioningPrompt("  A dog.")).isEqualTo("A dog. clean, high-resolution, 8k, high quality, clear text.");
    }

    @Test
    void promptsRecordedInProvenanceReadBack() {
        PromptPair pair = new PromptPair("A dog.", "Noisy.");

        Map<String, String> extra = pair.toProvenanceExtra();

        assertThat(PromptPair.fromProvenanceExtra(extra)).contains(pair);
        assertThat(PromptPair.fromProvenanceExtra(Map.of("threads", "4"))).isEmpty();
    }

    @Test
    void downscaleKeepsAspectAndAverages() throws Exception {
        FloatImage stripes = FloatImage.blank(400, 100, 3);
        for (int x = 0; x < 400; x += 2) {
            for (int y = 0; y < 100; y++) {
                for (int c = 0; c < 3; c++) {
                    stripes.set(c, x, y, 1f);
                }
            }
        }

        FloatImage small = PromptImage.downscale(stripes, 100);
        PromptImage png = PromptImage.of(stripes, 100);

        assertThat(small.width()).isEqualTo(100);
        assertThat(small.height()).isEqualTo(25);
        // Area averaging turns 1-px stripes into even grey; point sampling would keep 0 or 1.
        assertThat(small.get(0, 50, 10)).isBetween(0.45f, 0.55f);
        assertThat(png.width()).isEqualTo(100);
        assertThat(png.height()).isEqualTo(25);
        assertThat(PromptImage.downscale(stripes, 400)).isSameAs(stripes);
    }

    @Test
    void prettyPrintedOllamaAnswerIsReadWhole() throws Exception {
        try (FakeVisionServer server = new FakeVisionServer(FakeVisionServer.json(200,
                "{\n  \"model\": \"llava\",\n  \"message\": {\n    \"role\": \"assistant\",\n    \"content\": \"A cat.\"\n  },\n  \"done\": true\n}\n"))) {
            PromptSettings settings = PromptSettings.defaults().withServer(server.base(), PromptProtocol.OLLAMA)
                    .withStreaming(false).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

            String answer = VisionLanguageClient.create(settings).describe(TestImages.scene(40, 30),
                    "Describe.", "llava", null, new CancelSignal());

            assertThat(answer).isEqualTo("A cat.");
        }
    }
}
