package org.srstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.job.DeviceJobExecutor;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.prompt.FakeVisionServer;
import org.srstudio.core.prompt.PromptHistory;
import org.srstudio.core.prompt.PromptOrigin;
import org.srstudio.core.prompt.PromptPair;
import org.srstudio.core.prompt.PromptProtocol;
import org.srstudio.core.prompt.PromptService;
import org.srstudio.core.prompt.PromptSettings;
import org.srstudio.core.prompt.XpsrPromptSidecars;
import org.srstudio.core.store.ResultStore;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.compare.VariantKind;
import org.srstudio.ui.demo.DemoImages;
import org.srstudio.ui.demo.DemoModels;
import org.srstudio.ui.demo.DemoScorer;
import org.srstudio.ui.demo.ResamplingRunner;
import org.srstudio.ui.inputs.DropInput;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The prompt loop in the real window: a loopback fake vision server writes the prompts, the user edits them, runs,
 * and finds the new variant made with exactly the edited prompts, shown under the compare view.
 */
@ExtendWith(ApplicationExtension.class)
class PromptWorkflowTest {
    private static final String GENERATED = "A harbour with boats at dusk.";

    @TempDir
    static Path shared;

    private Path data;
    private Path input;
    private StudioServices services;
    private PromptService prompts;
    private FakeVisionServer server;
    private StudioWindow window;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory(shared, "data");
        input = DemoImages.writePair(shared.resolve("pictures-" + data.getFileName()), "harbour", 128, 4, 1);
        services = new StudioServices(DemoModels.registryWithPrompts(data.resolve("models")),
                new DeviceJobExecutor("cpu", new ResamplingRunner(data.resolve("store"), 0)),
                new ResultStore(data.resolve("store")), new ImageDecoder(), data);
        server = new FakeVisionServer(FakeVisionServer.ollamaStream("A harbour with boats", " at dusk."));
        prompts = new PromptService();
        window = StudioWindow.open(stage, services, new DemoScorer(), prompts, List.of());
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            window.close();
            return null;
        });
        prompts.close();
        server.close();
        services.close();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private StudioViewModel openInputAndPickThePromptedModel(FxRobot robot) throws Exception {
        StudioViewModel vm = window.viewModel();
        fx(() -> {
            vm.inputs().acceptDrop(DropInput.ofFiles(List.of(input)));
            return null;
        });
        waitUntil(() -> vm.inputs().items().size() == 1 && vm.inputs().items().get(0).facts() != null);
        robot.clickOn("#model-card-demo-prompted");
        return vm;
    }

    private void replaceText(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    private List<Variant> results(StudioViewModel vm) throws Exception {
        return fx(() -> vm.compare().variants().stream().filter(v -> v.kind() == VariantKind.MODEL).toList());
    }

    @Test
    void describedPromptsAreEditedAndTheRerunRecordsTheEditedText(FxRobot robot) throws Exception {
        StudioViewModel vm = openInputAndPickThePromptedModel(robot);
        fx(() -> {
            vm.prompts().settingsProperty().set(PromptSettings.defaults().withServer(server.base(), PromptProtocol.OLLAMA));
            return null;
        });

        robot.clickOn("#describe-llava");
        waitUntil(() -> robot.lookup("#prompt").queryAs(TextArea.class).getText().equals(GENERATED)
                && !vm.prompts().busyProperty().get());
        assertThat(fx(() -> vm.editor().promptLowProperty().get())).isEqualTo(GENERATED);

        robot.clickOn("#run");
        waitUntil(() -> results(vm).size() == 1);

        replaceText(robot, "#prompt", "Fishing boats in a harbour, sharp rigging");
        replaceText(robot, "#prompt-low", "slightly blurry and noisy");
        robot.clickOn("#run");
        waitUntil(() -> results(vm).size() == 2);

        List<Variant> variants = results(vm);
        ModelParameters first = variants.get(0).provenance().orElseThrow().parameters();
        ModelParameters rerun = variants.get(1).provenance().orElseThrow().parameters();
        assertThat(first.prompt()).isEqualTo(GENERATED);
        assertThat(first.lowLevelPrompt()).isEqualTo(GENERATED);
        assertThat(rerun.prompt()).isEqualTo("Fishing boats in a harbour, sharp rigging");
        assertThat(rerun.lowLevelPrompt()).isEqualTo("slightly blurry and noisy");
        assertThat(variants.get(1).label()).isNotEqualTo(variants.get(0).label());

        fx(() -> {
            vm.compare().aProperty().set(variants.get(0));
            vm.compare().bProperty().set(variants.get(1));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        String shown = fx(() -> robot.lookup("#compare-prompts").queryAs(Label.class).getText());
        assertThat(shown).contains(GENERATED).contains("Fishing boats in a harbour, sharp rigging")
                .contains("slightly blurry and noisy");

        PromptHistory history = fx(() -> vm.promptHistory(input));
        assertThat(history.entries()).extracting(PromptHistory.Entry::origin)
                .containsExactly(PromptOrigin.MLLM, PromptOrigin.EDITED);
        assertThat(history.latest().orElseThrow().prompts())
                .isEqualTo(new PromptPair("Fishing boats in a harbour, sharp rigging", "slightly blurry and noisy"));
    }

    @Test
    void aServerThatIsDownShowsOneSentenceAndTheWindowKeepsWorking(FxRobot robot) throws Exception {
        StudioViewModel vm = openInputAndPickThePromptedModel(robot);
        java.net.URI down = server.base();
        server.close();
        fx(() -> {
            vm.prompts().settingsProperty().set(PromptSettings.defaults().withServer(down, PromptProtocol.OLLAMA));
            return null;
        });
        robot.clickOn("#describe-llava");
        waitUntil(() -> !vm.prompts().busyProperty().get()
                && !robot.lookup("#prompt-message").queryAs(Label.class).getText().isEmpty());
        assertThat(fx(() -> robot.lookup("#prompt-message").queryAs(Label.class).getText())).endsWith(".");

        replaceText(robot, "#prompt", "typed by hand");
        robot.clickOn("#run");
        waitUntil(() -> results(vm).size() == 1);
        assertThat(results(vm).get(0).prompts().orElseThrow().highLevel()).isEqualTo("typed by hand");
    }

    @Test
    void promptsRoundTripThroughXpsrSidecarFolders(FxRobot robot) throws Exception {
        StudioViewModel vm = openInputAndPickThePromptedModel(robot);
        Path folder = data.resolve("xpsr-prompts");
        XpsrPromptSidecars.writeFor(folder, input, new PromptPair("imported content", "imported quality"));

        fx(() -> {
            vm.importPrompts(folder);
            return null;
        });
        waitUntil(() -> vm.editor().promptProperty().get().equals("imported content"));
        assertThat(fx(() -> vm.editor().promptLowProperty().get())).isEqualTo("imported quality");

        replaceText(robot, "#prompt", "exported content");
        Path out = data.resolve("exported");
        fx(() -> {
            vm.exportPrompts(out);
            return null;
        });
        waitUntil(() -> XpsrPromptSidecars.promptsFor(out, input).isPresent());
        assertThat(XpsrPromptSidecars.promptsFor(out, input).orElseThrow())
                .isEqualTo(new PromptPair("exported content", "imported quality"));
    }
}
