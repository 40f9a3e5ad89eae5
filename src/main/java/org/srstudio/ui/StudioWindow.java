package org.srstudio.ui;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.srstudio.core.StudioServices;
import org.srstudio.core.prompt.PromptService;
import org.srstudio.ui.common.BackgroundWorkers;
import org.srstudio.ui.common.FxEventBridge;
import org.srstudio.ui.common.FxScheduler;
import org.srstudio.ui.common.CoreImageLoader;
import org.srstudio.ui.common.Icons;
import org.srstudio.ui.common.StudioStyles;
import org.srstudio.ui.common.StudioTheme;
import org.srstudio.ui.common.UiImageLoader;
import org.srstudio.ui.compare.CompareMode;
import org.srstudio.ui.compare.CompareView;
import org.srstudio.ui.inputs.InputDropTarget;
import org.srstudio.ui.inputs.InputsView;
import org.srstudio.ui.models.ModelPickerView;
import org.srstudio.ui.prompt.ParameterEditorView;
import org.srstudio.ui.prompt.PromptAssistantView;
import org.srstudio.ui.queue.QueueView;
import org.srstudio.ui.scores.ScoresView;
import org.srstudio.ui.scores.VariantScorer;

/**
 * The studio window: inputs and model cards on the left, the compare view over the scores in the middle, the
 * parameter editor and the queue on the right. It builds the views around one {@link StudioViewModel} and owns
 * the UI's background threads.
 */
public final class StudioWindow implements AutoCloseable {
    public static final String TITLE = "SR Studio";

    private final Stage stage;
    private final StudioViewModel viewModel;
    private final BackgroundWorkers workers = new BackgroundWorkers(2);
    private final BackgroundWorkers scoring = new BackgroundWorkers(1);
    private final BackgroundWorkers sessionWriter = new BackgroundWorkers(1);
    private final FxEventBridge bridge = new FxEventBridge();
    private final UiImageLoader loader;
    private CompletableFuture<Path> warmup = CompletableFuture.failedFuture(
            new IllegalStateException("the first-drop warm-up is turned off"));
    private final Scene scene;
    private final InputsView inputsView;
    private final CompareView compareView;
    private boolean closed;

    private StudioWindow(Stage stage, StudioServices services, VariantScorer scorer, PromptService prompts,
                         UiImageLoader loader) {
        this.stage = stage;
        this.loader = loader;
        this.viewModel = new StudioViewModel(services, scorer, prompts, loader, workers, scoring, sessionWriter,
                bridge, new FxScheduler(), RandomGenerator.getDefault());
        inputsView = new InputsView(viewModel.inputs());
        compareView = new CompareView(viewModel.compare());

        // A split, not a box: the model list is long and would otherwise push the inputs out of sight.
        ModelPickerView modelsView = new ModelPickerView(viewModel.models());
        inputsView.setMinHeight(120);
        modelsView.setMinHeight(160);
        SplitPane left = new SplitPane(inputsView, modelsView);
        left.setId("left-column");
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.36);
        left.getStyleClass().add(StudioStyles.SIDEBAR);
        left.setPrefWidth(320);
        left.setMinWidth(290);

        ScrollPane editorScroll = new ScrollPane(new ParameterEditorView(viewModel.editor(),
                new PromptAssistantView(viewModel.prompts())));
        editorScroll.setFitToWidth(true);
        editorScroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        QueueView queueView = new QueueView(viewModel.queue());
        VBox right = new VBox(12, editorScroll, queueView);
        VBox.setVgrow(queueView, Priority.ALWAYS);
        right.getStyleClass().add(StudioStyles.SIDEBAR);
        right.setPrefWidth(315);
        right.setMinWidth(280);

        SplitPane center = new SplitPane(compareView, new ScoresView(viewModel.scores()));
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.72);

        SplitPane body = new SplitPane(left, center, right);
        body.setDividerPositions(0.21, 0.79);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);

        BorderPane root = new BorderPane(body);
        root.getStyleClass().add(StudioStyles.ROOT);
        root.setTop(new VBox(menuBar(), header()));
        root.setBottom(statusBar());
        InputDropTarget.install(root, viewModel.inputs());

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        viewModel.themeProperty().addListener((obs, o, t) -> t.apply(scene));
        viewModel.themeProperty().get().apply(scene);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
    }

    /** Builds the window on the given stage, restores the last session plus {@code initialInputs}, and shows it. */
    public static StudioWindow open(Stage stage, StudioServices services, VariantScorer scorer, List<Path> initialInputs) {
        return open(stage, services, scorer, null, initialInputs);
    }

    /** As {@link #open(Stage, StudioServices, VariantScorer, List)}, with the prompt writer (null: none). */
    public static StudioWindow open(Stage stage, StudioServices services, VariantScorer scorer, PromptService prompts,
                                    List<Path> initialInputs) {
        StudioWindow window = new StudioWindow(stage, services, scorer, prompts,
                new CoreImageLoader(services.decoder()));
        window.viewModel.restore(initialInputs);
        window.viewModel.themeProperty().get().apply(window.scene);
        stage.show();
        if (FirstDropWarmup.enabled()) {
            window.warmup = new FirstDropWarmup(window.loader, window.workers, window.bridge,
                    window.viewModel.themeProperty().get()).start();
        }
        return window;
    }

    public StudioViewModel viewModel() {
        return viewModel;
    }

    public Scene scene() {
        return scene;
    }

    public CompareView compareView() {
        return compareView;
    }

    /** The first-drop warm-up: completes with its temporary image once that is deleted. */
    CompletableFuture<Path> warmup() {
        return warmup;
    }

    /** Saves the session and preferences and stops the UI's threads; the services stay open for their owner. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        viewModel.close();
        workers.close();
        scoring.close();
        sessionWriter.close();
    }

    private void onKey(KeyEvent e) {
        boolean inText = e.getTarget() instanceof TextInputControl;
        if (e.isShortcutDown() && e.getCode() == KeyCode.ENTER) {
            viewModel.run();
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.V && !inText) {
            inputsView.paste();
            e.consume();
        } else if (compareView.handleKey(e)) {
            e.consume();
        }
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open images…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                inputsView::openFiles);
        MenuItem folder = item("Open folder…", null, inputsView::openFolder);
        MenuItem paste = item("Paste images  (Ctrl+V)", null, inputsView::paste);
        MenuItem truth = item("Set ground truth for this input…", null, this::chooseGroundTruth);
        MenuItem save = item("Save results…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                this::chooseSaveFolder);
        MenuItem importPrompts = item("Import prompts…", null, () -> chooseFolder("Import XPSR prompts from",
                viewModel::importPrompts));
        MenuItem exportPrompts = item("Export prompts…", null, () -> chooseFolder("Export prompts (XPSR layout) to",
                viewModel::exportPrompts));
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);
        Menu file = new Menu("File", null, open, folder, paste, new SeparatorMenuItem(), truth, save,
                new SeparatorMenuItem(), importPrompts, exportPrompts, new SeparatorMenuItem(), quit);

        Menu view = new Menu("View");
        for (CompareMode m : CompareMode.values()) {
            view.getItems().add(item(m.label(), null, () -> viewModel.compare().setMode(m)));
        }
        CheckMenuItem loupe = new CheckMenuItem("Magnifier loupe  (L)");
        loupe.selectedProperty().bindBidirectional(viewModel.compare().loupeProperty());
        CheckMenuItem region = new CheckMenuItem("Score visible region  (R)");
        region.setId("menu-score-region");
        region.selectedProperty().bindBidirectional(viewModel.compare().scoreVisibleRegionProperty());
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setSelected(viewModel.themeProperty().get() == StudioTheme.DARK);
        viewModel.themeProperty().addListener((obs, o, t) -> dark.setSelected(t == StudioTheme.DARK));
        dark.setOnAction(e -> viewModel.themeProperty().set(dark.isSelected() ? StudioTheme.DARK : StudioTheme.LIGHT));
        view.getItems().addAll(new SeparatorMenuItem(), loupe, region, dark);

        MenuItem run = item("Run  (Ctrl+Enter)", null, viewModel::run);
        run.disableProperty().bind(viewModel.canRunProperty().not());
        MenuItem cancel = item("Cancel all jobs", null, () -> viewModel.queue().cancelAll());
        Menu jobs = new Menu("Run", null, run, cancel);
        MenuBar bar = new MenuBar(file, view, jobs);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private HBox header() {
        Label logo = new Label(null, Icons.of(Material2MZ.PHOTO_FILTER, "app-logo"));
        Label title = new Label(TITLE);
        title.getStyleClass().add(StudioStyles.APP_TITLE);
        Label subtitle = new Label("Super-resolution comparison");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        Label device = new Label(viewModel.device(), Icons.of(Material2OutlinedMZ.MEMORY));
        device.getStyleClass().add(StudioStyles.CHIP);
        device.setTooltip(new Tooltip("Jobs run on this device"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = new Button(null, Icons.of(Material2OutlinedAL.BRIGHTNESS_6));
        theme.setId("theme-toggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setTooltip(new Tooltip("Switch between light and dark"));
        theme.setOnAction(e -> viewModel.toggleTheme());
        Button run = new Button("Run", Icons.of(Material2MZ.PLAY_ARROW));
        run.setId("run");
        run.getStyleClass().addAll(Styles.ACCENT);
        run.setDefaultButton(false);
        run.setTooltip(new Tooltip("Upscale the chosen inputs with every picked model (Ctrl+Enter)"));
        run.disableProperty().bind(viewModel.canRunProperty().not());
        run.setOnAction(e -> viewModel.run());
        HBox header = new HBox(10, logo, title, subtitle, device, spacer, theme, run);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(StudioStyles.HEADER);
        return header;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(viewModel.statusProperty());
        Label inputsMessage = new Label();
        inputsMessage.textProperty().bind(viewModel.inputs().messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label queue = new Label();
        queue.textProperty().bind(viewModel.queue().summaryProperty());
        Label data = new Label(viewModel.dataDir().toString());
        data.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(16, status, inputsMessage, spacer, queue, data);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(StudioStyles.STATUS_BAR);
        return bar;
    }

    private void chooseGroundTruth() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Ground truth for this input");
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            viewModel.setGroundTruth(file.toPath());
        }
    }

    private void chooseSaveFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Save results to");
        String last = viewModel.preferences() == null ? null : viewModel.preferences().outputFolder();
        if (last != null && new File(last).isDirectory()) {
            chooser.setInitialDirectory(new File(last));
        }
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            viewModel.saveResults(dir.toPath());
        }
    }

    private void chooseFolder(String title, java.util.function.Consumer<Path> action) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            action.accept(dir.toPath());
        }
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
