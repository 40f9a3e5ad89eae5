package org.srstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.job.DeviceJobExecutor;
import org.srstudio.core.job.JobState;
import org.srstudio.core.store.ResultStore;
import org.srstudio.ui.compare.CompareMode;
import org.srstudio.ui.compare.ImagePane;
import org.srstudio.ui.compare.VariantKind;
import org.srstudio.ui.compare.VisibleRegionTracker;
import org.srstudio.ui.demo.DemoImages;
import org.srstudio.ui.demo.DemoModels;
import org.srstudio.ui.demo.DemoScorer;
import org.srstudio.ui.demo.ResamplingRunner;
import org.srstudio.ui.inputs.DropInput;
import org.srstudio.ui.queue.JobItemViewModel;
import org.srstudio.ui.scores.ScoreRowViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window headless (Monocle): drop, pick two models, run, compare, zoom, cancel, restart. The
 * drop goes through {@code InputsViewModel.acceptDrop}, the same call the window's drop handler makes with the
 * Dragboard's content, because a headless toolkit cannot perform an OS drag.
 */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
    @TempDir
    static Path shared;

    private Path data;
    private Path input;
    private StudioServices services;
    private StudioWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        data = Files.createTempDirectory(shared, "data");
        input = DemoImages.writePair(shared.resolve("pictures-" + data.getFileName()), "harbour", 256, 4, 1);
        services = services(data, 0);
        window = StudioWindow.open(stage, services, new DemoScorer(), List.of());
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            window.close();
            return null;
        });
        services.close();
    }

    private static StudioServices services(Path data, long tileDelayMillis) {
        return new StudioServices(DemoModels.registry(data.resolve("models")),
                new DeviceJobExecutor("cpu", new ResamplingRunner(data.resolve("store"), tileDelayMillis)),
                new ResultStore(data.resolve("store")), new ImageDecoder(), data);
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void dropInput() throws Exception {
        fx(() -> {
            window.viewModel().inputs().acceptDrop(DropInput.ofFiles(List.of(input)));
            return null;
        });
        waitUntil(() -> window.viewModel().inputs().items().size() == 1
                && window.viewModel().inputs().items().get(0).facts() != null);
    }

    @Test
    void theFirstDropWarmUpRunsOffScreenAndLeavesNoFileInputOrSessionEntryBehind() throws Exception {
        Path used = window.warmup().get(30, TimeUnit.SECONDS);

        assertThat(used).doesNotExist();
        assertThat(fx(() -> window.viewModel().inputs().items().isEmpty())).isTrue();
        assertThat(fx(() -> window.viewModel().compare().variants().isEmpty())).isTrue();
        fx(() -> {
            window.close(); // saves the session
            return null;
        });
        try (var files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("%s", f).doesNotContain(used.getFileName().toString());
            }
        }
    }

    @Test
    void windowIsTitledSrStudio() {
        assertThat(stage.getTitle()).isEqualTo("SR Studio");
    }

    @Test
    void inputsAndModelsAreBothVisibleInTheLeftColumn(FxRobot robot) throws Exception {
        dropInput();
        javafx.scene.control.SplitPane left = robot.lookup("#left-column").queryAs(javafx.scene.control.SplitPane.class);
        List<Double> heights = fx(() -> left.getItems().stream().map(n -> n.getBoundsInParent().getHeight()).toList());
        assertThat(heights).hasSize(2).allMatch(h -> h >= 100);
    }

    @Test
    void dropPickTwoModelsRunAndCompare(FxRobot robot) throws Exception {
        StudioViewModel vm = window.viewModel();
        dropInput();
        robot.clickOn("#model-card-demo-bilinear");
        robot.clickOn("#model-card-demo-bicubic");
        assertThat(fx(() -> vm.models().selectedIds())).containsExactly("demo-bilinear", "demo-bicubic");
        robot.clickOn("#run");
        waitUntil(() -> vm.compare().variants().stream().filter(v -> v.kind() == VariantKind.MODEL).count() == 2);
        assertThat(fx(() -> List.of(vm.compare().a().modelId(), vm.compare().b().modelId())))
                .containsExactly("demo-bilinear", "demo-bicubic");
        assertThat(fx(() -> vm.queue().items().stream().allMatch(i -> i.state() == JobState.FINISHED))).isTrue();

        robot.clickOn("#mode-grid");
        assertThat(fx(() -> vm.compare().mode())).isEqualTo(CompareMode.GRID);
        assertThat(fx(() -> window.compareView().gridPanes().get(1).isVisible())).isTrue();
        robot.clickOn("#mode-toggle");
        robot.type(KeyCode.DIGIT3);
        assertThat(fx(() -> vm.compare().shownProperty().get().modelId())).isEqualTo("demo-bilinear");
        robot.type(KeyCode.SPACE);
        assertThat(fx(() -> vm.compare().shownProperty().get())).isIn(vm.compare().a(), vm.compare().b());
        robot.clickOn("#mode-diff");
        waitUntil(() -> vm.compare().heatmapProperty().get() != null);
        assertThat(fx(() -> vm.compare().heatmapProperty().get().mean())).isGreaterThan(0.0);
        robot.clickOn("#mode-slider");
        assertThat(fx(() -> vm.compare().mode())).isEqualTo(CompareMode.SLIDER);
    }

    @Test
    void dividerFollowsTheDragAndTheWheelZoomsAroundTheCursor(FxRobot robot) throws Exception {
        StudioViewModel vm = window.viewModel();
        dropInput();
        waitUntil(() -> window.compareView().singlePane().imageBProperty().get() != null);
        ImagePane pane = window.compareView().singlePane();
        Bounds b = fx(() -> pane.localToScreen(pane.getBoundsInLocal()));
        Point2D middle = new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        robot.drag(middle, MouseButton.PRIMARY).moveBy(b.getWidth() / 4, 0).drop();
        assertThat(fx(() -> vm.compare().dividerProperty().get())).isGreaterThan(0.6);

        double fit = fx(() -> vm.compare().viewport().zoom());
        Point2D spot = new Point2D(b.getMinX() + b.getWidth() * 0.3, b.getMinY() + b.getHeight() * 0.4);
        robot.moveTo(spot);
        double contentX = fx(() -> vm.compare().viewport().toContentX(spot.getX() - b.getMinX()));
        robot.scroll(5, javafx.geometry.VerticalDirection.UP);
        // Monocle delivers wheel events from its own input thread; let them all arrive.
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // Monocle's wheel direction differs from desktop glass; what matters is the zoom and the fixed point.
        assertThat(fx(() -> vm.compare().viewport().zoom())).isNotEqualTo(fit);
        assertThat(fx(() -> vm.compare().viewport().toContentX(spot.getX() - b.getMinX())))
                .isCloseTo(contentX, org.assertj.core.api.Assertions.within(1.0));
        robot.clickOn("#zoom-fit");
        assertThat(fx(() -> vm.compare().viewport().zoom())).isEqualTo(fx(() -> vm.compare().viewport().fitZoom()));
        robot.clickOn("#zoom-actual");
        assertThat(fx(() -> vm.compare().viewport().zoom())).isEqualTo(1.0);
    }

    @Test
    void aRunningJobCanBeCancelled(FxRobot robot) throws Exception {
        fx(() -> {
            window.close();
            return null;
        });
        services.close();
        services = services(data, 2_000);
        window = fx(() -> StudioWindow.open(stage, services, new DemoScorer(), List.of()));
        StudioViewModel vm = window.viewModel();
        dropInput();
        robot.clickOn("#model-card-demo-bicubic");
        robot.clickOn("#run");
        waitUntil(() -> vm.queue().items().size() == 1 && vm.queue().items().get(0).state() == JobState.RUNNING);
        robot.clickOn(".job-cancel");
        waitUntil(() -> vm.queue().items().get(0).state() == JobState.CANCELLED);
        JobItemViewModel item = fx(() -> vm.queue().items().get(0));
        assertThat(fx(() -> item.retryableProperty().get())).isTrue();
        assertThat(fx(() -> vm.compare().variants().stream().noneMatch(v -> v.kind() == VariantKind.MODEL))).isTrue();
    }

    @Test
    void aNewWindowOnTheSameDataFolderRestoresTheSession(FxRobot robot) throws Exception {
        StudioViewModel vm = window.viewModel();
        dropInput();
        robot.clickOn("#model-card-demo-bicubic");
        fx(() -> {
            vm.editor().tileSizeProperty().set(256);
            vm.compare().setMode(CompareMode.GRID);
            return vm.run();
        });
        waitUntil(() -> vm.compare().variants().stream().anyMatch(v -> v.kind() == VariantKind.MODEL)
                && vm.scores().rows().stream().allMatch(r -> r.statusProperty().get().isEmpty()));
        fx(() -> {
            window.close();
            stage.hide();
            return null;
        });

        window = fx(() -> StudioWindow.open(stage, services, new DemoScorer(), List.of()));
        StudioViewModel restored = window.viewModel();
        waitUntil(() -> restored.compare().variants().stream().anyMatch(v -> v.kind() == VariantKind.MODEL));
        assertThat(fx(() -> restored.inputs().items().get(0).path())).isEqualTo(input);
        assertThat(fx(() -> restored.models().selectedIds())).containsExactly("demo-bicubic");
        assertThat(fx(() -> restored.compare().mode())).isEqualTo(CompareMode.GRID);
        assertThat(fx(() -> restored.editor().tileSizeProperty().get())).isEqualTo(256);
        assertThat(fx(() -> restored.compare().variants().stream().filter(v -> v.kind() == VariantKind.MODEL)
                .findFirst().orElseThrow().provenance().orElseThrow().parameters().tileSize())).isEqualTo(256);
        assertThat(fx(() -> restored.scores().rows().stream().anyMatch(r -> r.scores().containsKey("sharpness"))))
                .isTrue();
    }

    private Map<String, Double> sharpnessByRow() throws Exception {
        return fx(() -> window.viewModel().scores().rows().stream()
                .collect(Collectors.toMap(ScoreRowViewModel::label, r -> r.scores().getOrDefault("sharpness", Double.NaN))));
    }

    private boolean scoresSettled() {
        return window.viewModel().scores().rows().stream()
                .allMatch(r -> r.statusProperty().get().isEmpty() && r.scores().containsKey("sharpness"));
    }

    @Test
    void scoringTheVisibleRegionRescoresOnceTheZoomSettlesAndTurningItOffRestoresTheWholeImage(FxRobot robot)
            throws Exception {
        dropInput();
        waitUntil(() -> window.viewModel().scores().rows().size() >= 1 && scoresSettled());
        Map<String, Double> whole = sharpnessByRow();
        Label scope = robot.lookup("#scores-scope").queryAs(Label.class);
        assertThat(fx(scope::getText)).isEqualTo("Scores for the whole image");

        robot.clickOn("#score-region");
        long[] lastZoom = new long[1];
        long[] regionShown = new long[1];
        fx(() -> {
            window.viewModel().compare().viewport().zoomProperty().addListener(o -> lastZoom[0] = System.nanoTime());
            scope.textProperty().addListener(o -> regionShown[0] = System.nanoTime());
            return null;
        });
        robot.type(KeyCode.EQUALS, 3);
        waitUntil(() -> scope.getText().startsWith("Scores for the visible region") && scoresSettled());
        long settledAfter = fx(() -> (regionShown[0] - lastZoom[0]) / 1_000_000);
        assertThat(settledAfter).isGreaterThanOrEqualTo(VisibleRegionTracker.SETTLE.toMillis() - 20);
        assertThat(fx(scope::getText)).matches("Scores for the visible region \\d+,\\d+ \\d+×\\d+ of \\d+×\\d+");
        Map<String, Double> region = sharpnessByRow();
        assertThat(region.keySet()).isEqualTo(whole.keySet());
        assertThat(region).isNotEqualTo(whole);

        robot.type(KeyCode.R);
        waitUntil(() -> scope.getText().equals("Scores for the whole image") && scoresSettled());
        assertThat(fx(() -> window.viewModel().compare().scoreVisibleRegionProperty().get())).isFalse();
        assertThat(sharpnessByRow()).isEqualTo(whole);
    }
}
