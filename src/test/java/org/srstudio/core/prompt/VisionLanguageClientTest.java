package org.srstudio.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class VisionLanguageClientTest {
    private static final String INSTRUCTION = XpsrPrompts.HIGH_LEVEL_INSTRUCTION;
    private FakeVisionServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static PromptSettings ollama(URI endpoint, boolean stream) {
        return PromptSettings.defaults().withServer(endpoint, PromptProtocol.OLLAMA).withStreaming(stream)
                .withMaxImageSide(64).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static PromptSettings openAi(URI endpoint, boolean stream) {
        return PromptSettings.defaults().withServer(endpoint, PromptProtocol.OPENAI).withStreaming(stream)
                .withMaxImageSide(64).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** 200×100, wider than tall, so the PNG sent must be 64×32. */
    private static FloatImage lrImage() {
        return TestImages.scene(200, 100);
    }

    private static BufferedImage decodePng(String base64) throws Exception {
        byte[] bytes = Base64.getDecoder().decode(base64);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void ollamaNonStreamingSendsModelInstructionAndDownscaledPng() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.ollamaAnswer("A red disc on a gradient."));
        List<String> tokens = new ArrayList<>();
        String answer = VisionLanguageClient.create(ollama(server.base(), false))
                .describe(lrImage(), INSTRUCTION, "llava", tokens::add, new CancelSignal());

        assertThat(answer).isEqualTo("A red disc on a gradient.");
        assertThat(tokens).containsExactly("A red disc on a gradient.");
        FakeVisionServer.Recorded request = server.requests.get(0);
        assertThat(request.path()).isEqualTo("/api/chat");
        assertThat(request.body().path("model").asText()).isEqualTo("llava");
        assertThat(request.body().path("stream").asBoolean(true)).isFalse();
        JsonNode message = request.body().path("messages").get(0);
        assertThat(message.path("role").asText()).isEqualTo("user");
        assertThat(message.path("content").asText()).isEqualTo(INSTRUCTION);
        BufferedImage sent = decodePng(message.path("images").get(0).asText());
        assertThat(sent.getWidth()).isEqualTo(64);
        assertThat(sent.getHeight()).isEqualTo(32);
    }

    @Test
    void ollamaStreamingDeliversTokensAsTheyCome() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.ollamaStream("A ", "red ", "disc."));
        List<String> tokens = new ArrayList<>();
        String answer = VisionLanguageClient.create(ollama(server.base(), true))
                .describe(lrImage(), INSTRUCTION, "llava:13b", tokens::add, new CancelSignal());

        assertThat(tokens).containsExactly("A ", "red ", "disc.");
        assertThat(answer).isEqualTo("A red disc.");
        assertThat(server.requests.get(0).body().path("stream").asBoolean(false)).isTrue();
        assertThat(server.requests.get(0).body().path("model").asText()).isEqualTo("llava:13b");
    }

    @Test
    void openAiNonStreamingSendsImageAsDataUrlPart() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.openAiAnswer("The image is slightly blurry."));
        PromptSettings settings = openAi(URI.create(server.base() + "/v1"), false).withApiKey("secret-key");
        String answer = VisionLanguageClient.create(settings)
                .describe(lrImage(), XpsrPrompts.LOW_LEVEL_INSTRUCTION, "qwen2-vl", null, new CancelSignal());

        assertThat(answer).isEqualTo("The image is slightly blurry.");
        FakeVisionServer.Recorded request = server.requests.get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.headers().get("Authorization")).containsExactly("Bearer secret-key");
        assertThat(request.body().path("model").asText()).isEqualTo("qwen2-vl");
        JsonNode content = request.body().path("messages").get(0).path("content");
        assertThat(content.get(0).path("type").asText()).isEqualTo("text");
        assertThat(content.get(0).path("text").asText()).isEqualTo(XpsrPrompts.LOW_LEVEL_INSTRUCTION);
        assertThat(content.get(1).path("type").asText()).isEqualTo("image_url");
        String url = content.get(1).path("image_url").path("url").asText();
        assertThat(url).startsWith("data:image/png;base64,");
        BufferedImage sent = decodePng(url.substring("data:image/png;base64,".length()));
        assertThat(sent.getWidth()).isEqualTo(64);
        assertThat(sent.getHeight()).isEqualTo(32);
    }

    @Test
    void openAiStreamingReadsServerSentEventsUntilDone() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.openAiStream("The ", "image ", "is ", "noisy."));
        List<String> tokens = new ArrayList<>();
        String answer = VisionLanguageClient.create(openAi(server.base(), true))
                .describe(lrImage(), INSTRUCTION, "llava", tokens::add, new CancelSignal());

        assertThat(tokens).containsExactly("The ", "image ", "is ", "noisy.");
        assertThat(answer).isEqualTo("The image is noisy.");
        // A bare host gets the /v1 prefix the servers document.
        assertThat(server.requests.get(0).path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void serverErrorGivesOneSentenceWithTheServersText() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.json(500, "{\"error\":\"llama runner process has terminated\"}"));
        StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(ollama(server.base(), true))
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()));

        assertThat(e.getMessage()).contains("HTTP 500").contains("llama runner process has terminated")
                .endsWith(".").doesNotContain("\n");
    }

    @Test
    void openAiErrorObjectTextReachesTheSentence() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.json(500, "{\"error\":{\"message\":\"image input is not supported\",\"type\":\"server_error\"}}"));
        StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(openAi(server.base(), false))
                .describe(lrImage(), INSTRUCTION, "tinyllama", null, new CancelSignal()));

        assertThat(e.getMessage()).contains("HTTP 500").contains("image input is not supported");
    }

    @Test
    void missingOllamaModelTellsHowToPullIt() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.json(404, "{\"error\":\"model \\\"bakllava\\\" not found, try pulling it first\"}"));
        StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(ollama(server.base(), true))
                .describe(lrImage(), INSTRUCTION, "bakllava", null, new CancelSignal()));

        assertThat(e.getMessage()).contains("bakllava").contains("ollama pull bakllava");
    }

    @Test
    void malformedJsonGivesSentenceForBothProtocols() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.json(200, "{\"message\": {\"content\": \"unterminated"));
        StudioException fromOllama = assertThrows(StudioException.class, () -> VisionLanguageClient.create(ollama(server.base(), false))
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()));
        StudioException fromOpenAi = assertThrows(StudioException.class, () -> VisionLanguageClient.create(openAi(server.base(), false))
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()));

        assertThat(fromOllama.getMessage()).contains("not JSON").contains(server.base().toString()).doesNotContain("\n");
        assertThat(fromOpenAi.getMessage()).contains("not JSON");
    }

    @Test
    void malformedStreamEventGivesSentence() throws Exception {
        server = new FakeVisionServer((exchange, request, s) -> {
            exchange.sendResponseHeaders(200, 0);
            FakeVisionServer.writeLine(exchange.getResponseBody(), "data: {\"choices\":[{\"delta\":{\"content\":\"A\"}}]}\n");
            FakeVisionServer.writeLine(exchange.getResponseBody(), "data: {broken\n");
        });
        StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(openAi(server.base(), true))
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()));

        assertThat(e.getMessage()).contains("not JSON");
    }

    @Test
    void errorLineInOllamaStreamStopsWithItsText() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.streamThenStall(
                FakeVisionServer.ollamaChunk("A ", false), "{\"error\":\"out of memory\"}"));
        StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(ollama(server.base(), true))
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()));

        assertThat(e.getMessage()).contains("out of memory");
    }

    @Test
    void emptyAnswerGivesSentence() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.ollamaStream("  ", "\n"));
        StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(ollama(server.base(), true))
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()));

        assertThat(e.getMessage()).contains("empty description");
    }

    @Test
    void jsonWithoutAnAnswerIsNotTakenForOne() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.json(200, "{\"status\":\"ok\"}"));
        assertThatThrownBy(() -> VisionLanguageClient.create(ollama(server.base(), false))
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()))
                .isInstanceOf(StudioException.class).hasMessageContaining("without a message");
        assertThatThrownBy(() -> VisionLanguageClient.create(openAi(server.base(), false))
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()))
                .isInstanceOf(StudioException.class).hasMessageContaining("without choices");
    }

    @Test
    void closedPortSaysNoServerAnswersAndHowToStartOllama() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(ollama(endpoint, true))
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()));

        assertThat(e.getMessage()).isEqualTo("No vision-language server answers at " + endpoint
                + "; start Ollama with `ollama serve` and `ollama pull llava`.");
    }

    @Test
    void handlerSlowerThanTheTimeoutFailsWithinIt() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.silence());
        PromptSettings settings = ollama(server.base(), false).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400));
        long start = System.nanoTime();
        StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(settings)
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.getMessage()).contains("sent nothing for 0.4 s");
        assertThat(millis).isBetween(350L, 3_000L);
    }

    @Test
    void serverThatAcceptsAndNeverAnswersFailsWithinTheTimeout() throws Exception {
        // The kernel completes the handshake into the backlog; nobody ever reads or writes.
        try (ServerSocket mute = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            URI endpoint = URI.create("http://127.0.0.1:" + mute.getLocalPort());
            PromptSettings settings = openAi(endpoint, true).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500));
            long start = System.nanoTime();
            StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(settings)
                    .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(e.getMessage()).startsWith("The vision-language server at " + endpoint);
            assertThat(millis).isLessThan(3_000L);
        }
    }

    @Test
    void streamThatStallsMidwayTimesOut() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.streamThenStall(FakeVisionServer.ollamaChunk("A ", false)));
        PromptSettings settings = ollama(server.base(), true).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500));
        List<String> tokens = new ArrayList<>();
        long start = System.nanoTime();
        StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(settings)
                .describe(lrImage(), INSTRUCTION, "llava", tokens::add, new CancelSignal()));

        assertThat(tokens).containsExactly("A ");
        assertThat(e.getMessage()).contains("sent nothing for 0.5 s");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000L);
    }

    @Test
    void cancelMidStreamReturnsPromptly() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.streamThenStall(FakeVisionServer.ollamaChunk("A ", false)));
        CancelSignal cancel = new CancelSignal();
        CountDownLatch firstToken = new CountDownLatch(1);
        AtomicLong cancelledAt = new AtomicLong();
        Thread canceller = new Thread(() -> {
            try {
                if (firstToken.await(5, TimeUnit.SECONDS)) {
                    cancelledAt.set(System.nanoTime());
                    cancel.cancel();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();

        assertThrows(CancellationException.class, () -> VisionLanguageClient.create(ollama(server.base(), true))
                .describe(lrImage(), INSTRUCTION, "llava", t -> firstToken.countDown(), cancel));
        long afterCancelMillis = (System.nanoTime() - cancelledAt.get()) / 1_000_000;
        canceller.join(5_000);

        assertThat(cancelledAt.get()).isNotZero();
        assertThat(afterCancelMillis).isLessThan(1_000L);
    }

    @Test
    void alreadyCancelledSignalSendsNothing() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.ollamaAnswer("never"));
        CancelSignal cancel = new CancelSignal();
        cancel.cancel();

        assertThrows(CancellationException.class, () -> VisionLanguageClient.create(ollama(server.base(), true))
                .describe(lrImage(), INSTRUCTION, "llava", null, cancel));
        assertThat(server.requests).isEmpty();
    }

    @Test
    void interruptingTheCallingThreadCancels() throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        server = new FakeVisionServer((exchange, request, s) -> {
            requestArrived.countDown();
            s.hold(20_000);
        });
        VisionLanguageClient client = VisionLanguageClient.create(ollama(server.base(), true));
        FloatImage image = lrImage();
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                if (requestArrived.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    caller.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        interrupter.start();
        try {
            assertThrows(CancellationException.class, () -> client.describe(image, INSTRUCTION, "llava", null, new CancelSignal()));
        } finally {
            // The client restores the interrupt it turned into a cancellation; clear it before waiting here.
            Thread.interrupted();
            interrupter.join(5_000);
        }
    }

    @Test
    void unauthorisedRequestPointsAtTheApiKey() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.json(401, "{\"error\":{\"message\":\"Invalid API Key\"}}"));
        StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(openAi(server.base(), true))
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()));

        assertThat(e.getMessage()).contains("HTTP 401").contains("API key");
    }
    @Test
    void answerIsWholeAtTheDoneMarkerEvenIfTheConnectionStaysOpen() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.streamThenStall(FakeVisionServer.ollamaChunk("A cat.", false),
                FakeVisionServer.ollamaChunk("", true)));
        PromptSettings settings = ollama(server.base(), true).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(10));
        long start = System.nanoTime();

        String answer = VisionLanguageClient.create(settings).describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal());

        assertThat(answer).isEqualTo("A cat.");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000L);
    }

    @Test
    void endlessStreamIsCutOff() throws Exception {
        server = new FakeVisionServer((exchange, request, s) -> {
            exchange.sendResponseHeaders(200, 0);
            String chunk = "data: {\"choices\":[{\"delta\":{\"content\":\"" + "word ".repeat(200) + "\"}}]}\n";
            for (int i = 0; i < 10_000; i++) {
                FakeVisionServer.writeLine(exchange.getResponseBody(), chunk);
            }
        });

        StudioException e = assertThrows(StudioException.class, () -> VisionLanguageClient.create(openAi(server.base(), true))
                .describe(lrImage(), INSTRUCTION, "llava", null, new CancelSignal()));

        assertThat(e.getMessage()).contains("far more than a prompt can use");
    }
}
