package org.srstudio.ui.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.prompt.FakeVisionServer;
import org.srstudio.core.prompt.PromptOrigin;
import org.srstudio.core.prompt.PromptProtocol;
import org.srstudio.core.prompt.PromptService;
import org.srstudio.core.prompt.PromptSettings;
import org.srstudio.ui.common.UiDispatcher;

class PromptAssistantViewModelTest {
    private static final Path INPUT = Path.of("photo.png");

    private final PromptService service = new PromptService();
    private final StringProperty high = new SimpleStringProperty("typed before");
    private final StringProperty low = new SimpleStringProperty("");
    private FakeVisionServer server;

    @AfterEach
    void tearDown() {
        service.close();
        if (server != null) {
            server.close();
        }
    }

    private PromptAssistantViewModel assistant(PromptAssistantViewModel.ImageReader reader) {
        return new PromptAssistantViewModel(service, reader, Runnable::run, UiDispatcher.DIRECT, high, low);
    }

    private static FloatImage gradient() {
        FloatImage image = FloatImage.blank(24, 16, 3);
        float[] d = image.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 24) / 24f;
        }
        return image;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition within 20 s").isTrue();
    }

    private static URI closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void serverDownGivesItsSentenceAndLeavesTheFieldsAlone() throws Exception {
        PromptAssistantViewModel vm = assistant(input -> gradient());
        vm.settingsProperty().set(PromptSettings.defaults().withServer(closedPort(), PromptProtocol.OLLAMA));
        List<PromptOrigin> written = new ArrayList<>();
        vm.setOnWritten((input, origin) -> written.add(origin));

        vm.describe(INPUT);
        await(() -> !vm.busyProperty().get());

        String sentence = vm.messageProperty().get();
        assertThat(sentence).isNotBlank().endsWith(".").doesNotContain("\n").doesNotContain("unexpectedly");
        assertThat(sentence.split("\\. ")).hasSize(1);
        assertThat(high.get()).isEqualTo("typed before");
        assertThat(written).isEmpty();
    }

    @Test
    void garbageAnswerGivesASentence() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.json(200, "<html>not an API</html>"));
        PromptAssistantViewModel vm = assistant(input -> gradient());
        vm.settingsProperty().set(PromptSettings.defaults().withServer(server.base(), PromptProtocol.OLLAMA));

        vm.describe(INPUT);
        await(() -> !vm.busyProperty().get());

        assertThat(vm.messageProperty().get()).isNotBlank().endsWith(".").doesNotContain("unexpectedly");
        assertThat(high.get()).isEqualTo("typed before");
    }

    @Test
    void unreadableInputGivesTheDecodersSentence() throws Exception {
        PromptAssistantViewModel vm = assistant(input -> {
            throw new StudioException("photo.png is not an image.");
        });
        vm.describe(INPUT);
        await(() -> !vm.busyProperty().get());
        assertThat(vm.messageProperty().get()).isEqualTo("photo.png is not an image.");
    }

    @Test
    void streamedDescriptionFillsBothFieldsAndIsRecorded() throws Exception {
        server = new FakeVisionServer(FakeVisionServer.ollamaStream("A tabby cat", " on a red sofa."));
        PromptAssistantViewModel vm = assistant(input -> gradient());
        vm.settingsProperty().set(PromptSettings.defaults().withServer(server.base(), PromptProtocol.OLLAMA));
        AtomicReference<PromptOrigin> written = new AtomicReference<>();
        vm.setOnWritten((input, origin) -> written.set(origin));

        vm.describe(INPUT);
        await(() -> written.get() != null);

        assertThat(high.get()).isEqualTo("A tabby cat on a red sofa.");
        assertThat(low.get()).isEqualTo("A tabby cat on a red sofa.");
        assertThat(written.get()).isEqualTo(PromptOrigin.MLLM);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void qualityFromMeasurementsWritesOnlyTheLowLevelPrompt() throws Exception {
        PromptAssistantViewModel vm = assistant(input -> gradient());
        vm.setTargetScores(() -> Map.of("niqe", 4.2));
        vm.targetProperty().set(INPUT);

        vm.describeQuality();
        await(() -> !low.get().isEmpty());

        assertThat(high.get()).isEqualTo("typed before");
        assertThat(low.get()).doesNotContain("\n");
    }
}
