package org.srstudio.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.srstudio.core.image.FloatImage;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PromptServiceTest {
    private FakeVisionServer server;
    private final PromptService service = new PromptService();

    @AfterEach
    void stop() {
        service.close();
        if (server != null) {
            server.close();
        }
    }

    private static PromptSettings settings(URI endpoint) {
        return PromptSettings.defaults().withServer(endpoint, PromptProtocol.OLLAMA)
                .withModels("llava", "q-instruct").withMaxImageSide(64)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** Answers by instruction, as LLaVA would echo its chat template, with a line break inside. */
    private static FakeVisionServer.Reply byInstruction() {
        return (exchange, request, s) -> {
            String instruction = request.path("messages").get(0).path("content").asText();
            if (instruction.equals(XpsrPrompts.HIGH_LEVEL_INSTRUCTION)) {
                FakeVisionServer.ollamaStream("USER: describe \nASSISTANT:", " A red disc", "\nnext to a green box.").send(exchange, request, s);
            } else {
                FakeVisionServer.ollamaStream("The image is ", "slightly blurry.").send(exchange, request, s);
            }
        };
    }

    @Test
    void describesBothPromptsCleanedAsXpsrDoesOffTheCallersThread() throws Exception {
        server = new FakeVisionServer(byInstruction());
        List<String> events = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        PromptJob job = service.describe(TestImages.scene(200, 100), settings(server.base()), new PromptListener() {
            @Override
            public void partial(PromptKind kind, String textSoFar) {
                events.add(kind + ":" + textSoFar);
                threads.add(Thread.currentThread().getName());
            }

            @Override
            public void finished(PromptKind kind, String text) {
                events.add(kind + " done:" + text);
            }
        });

        PromptPair pair = job.result().get(10, TimeUnit.SECONDS);

        assertThat(pair).isEqualTo(new PromptPair("A red disc next to a green box.", "The image is slightly blurry."));
        assertThat(events).contains("HIGH_LEVEL:A red disc", "HIGH_LEVEL done:A red disc next to a green box.",
                "LOW_LEVEL:The image is", "LOW_LEVEL done:The image is slightly blurry.");
        assertThat(events.indexOf("HIGH_LEVEL done:A red disc next to a green box."))
                .isLessThan(events.indexOf("LOW_LEVEL:The image is"));
        assertThat(threads).isNotEmpty().allMatch(name -> name.startsWith("srstudio-prompts-"));
        List<JsonNode> bodies = server.requests.stream().map(FakeVisionServer.Recorded::body).toList();
        assertThat(bodies).extracting(b -> b.path("model").asText()).containsExactly("llava", "q-instruct");
    }

    @Test
    void editedInstructionsAreWhatTheServerIsAsked() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.ollamaAnswer("Fine."));
        PromptSettings custom = settings(server.base()).withInstructions("What is in the picture?", "How noisy is it?");

        service.describe(TestImages.scene(80, 60), custom, null).result().get(10, TimeUnit.SECONDS);

        assertThat(server.requests).extracting(r -> r.body().path("messages").get(0).path("content").asText())
                .containsExactly("What is in the picture?", "How noisy is it?");
    }

    @Test
    void serverDownFailsTheJobWithOneSentence() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PromptJob job = service.describe(TestImages.scene(80, 60), settings(URI.create("http://127.0.0.1:" + port)), null);

        assertThatThrownBy(() -> job.result().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(PromptJob.failureSentence(e)).startsWith("No vision-language server answers at http://127.0.0.1:" + port));
    }

    @Test
    void cancellingAJobFreesTheServiceForTheNextOne() throws Exception {
        CountDownLatch firstRequest = new CountDownLatch(1);
        server = new FakeVisionServer((exchange, request, s) -> {
            firstRequest.countDown();
            s.hold(20_000);
        });
        PromptJob stuck = service.describe(TestImages.scene(80, 60), settings(server.base()), null);
        assertThat(firstRequest.await(5, TimeUnit.SECONDS)).isTrue();

        stuck.cancel();

        assertThat(stuck.result().isCancelled()).isTrue();
        assertThatThrownBy(() -> stuck.result().get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(PromptJob.failureSentence(new CancellationException())).isEqualTo("The description was cancelled.");
        // Both workers must be free again soon: two more jobs on a now-answering server complete.
        server.reply(FakeVisionServer.ollamaAnswer("Again."));
        PromptJob next = service.describe(TestImages.scene(80, 60), settings(server.base()), null);
        PromptJob another = service.describe(TestImages.scene(80, 60), settings(server.base()), null);
        assertThat(next.result().get(10, TimeUnit.SECONDS)).isEqualTo(new PromptPair("Again.", "Again."));
        assertThat(another.result().get(10, TimeUnit.SECONDS)).isEqualTo(new PromptPair("Again.", "Again."));
    }

    @Test
    void describeOneRedoesOnlyTheAskedPrompt() throws Exception {
        server = new FakeVisionServer(byInstruction());
        PromptPair current = new PromptPair("My own description.", "old quality text");

        PromptPair redone = service.describeOne(TestImages.scene(80, 60), settings(server.base()), PromptKind.LOW_LEVEL,
                current, null).result().get(10, TimeUnit.SECONDS);

        assertThat(redone).isEqualTo(new PromptPair("My own description.", "The image is slightly blurry."));
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void measurementFallbackNeedsNoServer() throws Exception {
        FloatImage noisy = TestImages.quantised(TestImages.withNoise(TestImages.scene(160, 120), 15, 7));

        String text = service.describeQuality(noisy, Map.of()).get(10, TimeUnit.SECONDS);

        assertThat(text).contains("heavy noise").contains("Overall, the quality of this image is");
    }
    @Test
    void closedServiceFailsNewJobsWithASentence() {
        service.close();

        PromptJob job = service.describe(TestImages.scene(40, 30), settings(URI.create("http://127.0.0.1:9")), null);

        assertThat(job.result()).isCompletedExceptionally();
        assertThatThrownBy(() -> job.result().get(1, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(PromptJob.failureSentence(e)).isEqualTo("The prompt service has been closed."));
    }
}
