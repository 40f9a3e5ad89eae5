package org.srstudio.ui.compare;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.srstudio.ui.common.ComboItems;
import org.srstudio.ui.common.Icons;
import org.srstudio.ui.common.StudioStyles;

/**
 * The compare view: a toolbar (mode, A and B, orientation, loupe, zoom) over a surface that shows the slider,
 * the side-by-side grid, the toggle view or the difference map. Keys: Space or T flips A/B, 1–9 shows variant N,
 * S/G/D switch mode, X swaps sides, L toggles the loupe, R scores the visible region, 0 fits, +/− zoom.
 */
public final class CompareView extends VBox {
    private final CompareViewModel vm;
    private final ImagePane single;
    private final List<ImagePane> gridPanes = new ArrayList<>();
    private final GridPane grid = new GridPane();
    private final StackPane surface = new StackPane();
    private final VBox emptyState;
    private final InvalidationListener refresher = obs -> refresh();

    public CompareView(CompareViewModel vm) {
        this.vm = vm;
        getStyleClass().add("compare-view");
        single = new ImagePane(vm.viewport(), vm.levels());
        single.setId("compare-pane");
        single.dividerProperty().bindBidirectional(vm.dividerProperty());
        single.orientationProperty().bind(vm.orientationProperty());
        single.loupeProperty().bind(vm.loupeProperty());
        for (int i = 0; i < 4; i++) {
            ImagePane p = new ImagePane(vm.viewport(), vm.levels());
            p.setId("grid-pane-" + i);
            p.ownsViewportProperty().set(i == 0);
            p.loupeProperty().bind(vm.loupeProperty());
            gridPanes.add(p);
        }
        surface.getStyleClass().add(StudioStyles.COMPARE_SURFACE);
        emptyState = emptyState();
        surface.getChildren().addAll(single, grid, emptyState);
        grid.setHgap(2);
        grid.setVgap(2);
        VBox.setVgrow(surface, Priority.ALWAYS);
        setMinWidth(0);
        surface.setMinSize(0, 0);
        Label prompts = new Label();
        prompts.setId("compare-prompts");
        prompts.setWrapText(true);
        prompts.getStyleClass().addAll("compare-prompts", atlantafx.base.theme.Styles.TEXT_SMALL);
        prompts.textProperty().bind(vm.promptsInfoProperty());
        prompts.visibleProperty().bind(vm.promptsInfoProperty().isNotEmpty());
        prompts.managedProperty().bind(prompts.visibleProperty());
        prompts.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(toolbar(), surface, prompts);

        vm.variants().addListener((ListChangeListener<Variant>) c -> refresh());
        vm.aProperty().addListener(refresher);
        vm.bProperty().addListener(refresher);
        vm.shownProperty().addListener(refresher);
        vm.modeProperty().addListener(refresher);
        vm.gridCountProperty().addListener(refresher);
        vm.heatmapProperty().addListener(refresher);
        // The heat palette is only known after CSS is applied; hand it over when the pane is first styled.
        sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                single.applyCss();
                vm.setHeatPalette(single.heatPalette());
            }
        });
        refresh();
    }

    public ImagePane singlePane() {
        return single;
    }

    public List<ImagePane> gridPanes() {
        return List.copyOf(gridPanes);
    }

    /** Handles the compare keys unless the focus is in a text field; returns whether the key was used. */
    public boolean handleKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return false;
        }
        KeyCode code = e.getCode();
        int digit = code.ordinal() >= KeyCode.DIGIT1.ordinal() && code.ordinal() <= KeyCode.DIGIT9.ordinal()
                ? code.ordinal() - KeyCode.DIGIT0.ordinal()
                : code.ordinal() >= KeyCode.NUMPAD1.ordinal() && code.ordinal() <= KeyCode.NUMPAD9.ordinal()
                ? code.ordinal() - KeyCode.NUMPAD0.ordinal() : 0;
        if (digit > 0) {
            vm.jumpTo(digit);
            return true;
        }
        switch (code) {
            case SPACE, T -> {
                if (vm.mode() != CompareMode.TOGGLE) {
                    vm.setMode(CompareMode.TOGGLE);
                }
                vm.flip();
            }
            case S -> vm.setMode(CompareMode.SLIDER);
            case G -> vm.setMode(CompareMode.GRID);
            case D -> vm.setMode(CompareMode.DIFFERENCE);
            case X -> vm.swapSides();
            case L -> vm.loupeProperty().set(!vm.loupeProperty().get());
            case R -> vm.scoreVisibleRegionProperty().set(!vm.scoreVisibleRegionProperty().get());
            case O -> vm.toggleOrientation();
            case DIGIT0, NUMPAD0 -> vm.viewport().fit();
            case PLUS, EQUALS, ADD -> vm.zoomIn();
            case MINUS, SUBTRACT -> vm.zoomOut();
            default -> {
                return false;
            }
        }
        return true;
    }

    private FlowPane toolbar() {
        ToggleGroup modes = new ToggleGroup();
        ToggleButton slider = modeButton(CompareMode.SLIDER, Material2OutlinedMZ.VERTICAL_SPLIT, modes, Styles.LEFT_PILL, "mode-slider");
        ToggleButton side = modeButton(CompareMode.GRID, Material2OutlinedMZ.VIEW_COLUMN, modes, Styles.CENTER_PILL, "mode-grid");
        ToggleButton toggle = modeButton(CompareMode.TOGGLE, Material2OutlinedAL.FLIP, modes, Styles.CENTER_PILL, "mode-toggle");
        ToggleButton diff = modeButton(CompareMode.DIFFERENCE, Material2OutlinedAL.LAYERS, modes, Styles.RIGHT_PILL, "mode-diff");
        HBox modeBox = new HBox(slider, side, toggle, diff);
        modes.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true); // a segmented control always has one mode
            } else {
                vm.setMode((CompareMode) n.getUserData());
            }
        });
        vm.modeProperty().addListener((obs, o, m) -> modes.getToggles().stream()
                .filter(t -> t.getUserData() == m).findFirst().ifPresent(t -> t.setSelected(true)));
        modes.getToggles().stream().filter(t -> t.getUserData() == vm.mode()).findFirst().ifPresent(t -> t.setSelected(true));

        ComboBox<Variant> a = variantBox("variant-a", vm.aProperty(), "A: left or top side");
        ComboBox<Variant> b = variantBox("variant-b", vm.bProperty(), "B: right or bottom side");
        Button swap = iconButton(Material2OutlinedMZ.SWAP_HORIZ, "Swap A and B (X)");
        swap.setOnAction(e -> vm.swapSides());
        Label aTag = tag("A");
        Label bTag = tag("B");

        Button orientation = iconButton(Material2OutlinedMZ.SWAP_VERT, "Split vertically or horizontally (O)");
        orientation.setOnAction(e -> vm.toggleOrientation());
        orientation.visibleProperty().bind(vm.modeProperty().isEqualTo(CompareMode.SLIDER));
        orientation.managedProperty().bind(orientation.visibleProperty());

        Spinner<Integer> count = new Spinner<>(2, 4, vm.gridCountProperty().get());
        count.setPrefWidth(72);
        count.getValueFactory().valueProperty().addListener((obs, o, n) -> vm.gridCountProperty().set(n));
        vm.gridCountProperty().addListener((obs, o, n) -> count.getValueFactory().setValue(n.intValue()));
        count.setTooltip(new Tooltip("How many variants side by side"));
        count.visibleProperty().bind(vm.modeProperty().isEqualTo(CompareMode.GRID));
        count.managedProperty().bind(count.visibleProperty());

        ToggleButton loupe = iconToggle("loupe", Material2OutlinedMZ.SEARCH, "Magnifier loupe (L)", vm.loupeProperty());
        ToggleButton region = iconToggle("score-region", Material2OutlinedAL.CROP_FREE,
                "Score the visible region instead of the whole image (R)", vm.scoreVisibleRegionProperty());

        Button zoomOut = iconButton(Material2OutlinedMZ.ZOOM_OUT, "Zoom out (−)");
        zoomOut.setOnAction(e -> vm.zoomOut());
        Label zoom = new Label();
        zoom.setId("zoom-label");
        zoom.getStyleClass().add("zoom-label");
        zoom.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.0f %%", vm.viewport().zoom() * 100), vm.viewport().zoomProperty()));
        Button zoomIn = iconButton(Material2OutlinedMZ.ZOOM_IN, "Zoom in (+)");
        zoomIn.setOnAction(e -> vm.zoomIn());
        Button fit = iconButton(Material2OutlinedMZ.ZOOM_OUT_MAP, "Fit (0)");
        fit.setId("zoom-fit");
        fit.setOnAction(e -> vm.viewport().fit());
        Button actual = new Button("1:1");
        actual.setId("zoom-actual");
        actual.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        actual.setTooltip(new Tooltip("Actual pixels (100 %)"));
        actual.setOnAction(e -> vm.viewport().actualSize());

        HBox sides = group(aTag, a, swap, bTag, b, orientation, count);
        HBox zooming = group(loupe, region, zoomOut, zoom, zoomIn, fit, actual);
        // Groups wrap onto a second row in a narrow window instead of being cut off.
        FlowPane bar = new FlowPane(12, 6, modeBox, sides, zooming);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(StudioStyles.COMPARE_TOOLBAR);
        bar.setMinWidth(0);
        bar.prefWrapLengthProperty().bind(widthProperty().subtract(24));
        bar.disableProperty().bind(Bindings.isEmpty(vm.variants()));
        return bar;
    }

    private ComboBox<Variant> variantBox(String id, javafx.beans.property.ObjectProperty<Variant> property, String tip) {
        ComboBox<Variant> box = new ComboBox<>();
        box.setId(id);
        box.setPrefWidth(165);
        box.setMinWidth(90);
        box.setTooltip(new Tooltip(tip));
        // One-way in each direction: a bidirectional binding would let the combo's reset during a list
        // replacement clear the view model's choice.
        property.addListener((obs, o, v) -> box.setValue(v));
        ComboItems.follow(box, vm.variants(), property::get);
        box.valueProperty().addListener((obs, o, v) -> {
            if (v != null && vm.variants().contains(v)) {
                property.set(v);
            }
        });
        return box;
    }

    private ToggleButton modeButton(CompareMode mode, Ikon icon, ToggleGroup group, String pill, String id) {
        ToggleButton b = new ToggleButton(mode.label(), Icons.of(icon));
        b.setId(id);
        b.setUserData(mode);
        b.setToggleGroup(group);
        b.getStyleClass().add(pill);
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(switch (mode) {
            case SLIDER -> "Slider: drag the divider between A and B (S)";
            case GRID -> "Side by side, 2 to 4 variants with synced zoom (G)";
            case TOGGLE -> "Toggle: Space flips A and B, 1–9 jump to a variant";
            case DIFFERENCE -> "Difference heat map |A − B| (D)";
        }));
        return b;
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label tag(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("side-tag");
        return l;
    }

    private static ToggleButton iconToggle(String id, Ikon icon, String tip, javafx.beans.property.BooleanProperty on) {
        ToggleButton b = new ToggleButton(null, Icons.of(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.BUTTON_ICON);
        b.setTooltip(new Tooltip(tip));
        b.selectedProperty().bindBidirectional(on);
        return b;
    }

    private static Button iconButton(Ikon icon, String tip) {
        Button b = new Button(null, Icons.of(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    private VBox emptyState() {
        Label icon = new Label(null, Icons.of(Material2AL.ADD_PHOTO_ALTERNATE, "empty-icon"));
        Label title = new Label("Drop images or folders anywhere");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("Pick one or more models on the left, then Run with Ctrl+Enter.\n"
                + "Compare with the slider, side by side, by flipping (Space, 1–9) or as a difference map.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(10, icon, title, hint);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add(StudioStyles.EMPTY_STATE);
        box.setMaxWidth(520);
        box.setMouseTransparent(true);
        return box;
    }

    private void refresh() {
        boolean empty = vm.variants().isEmpty();
        emptyState.setVisible(empty);
        CompareMode mode = vm.mode();
        boolean gridMode = mode == CompareMode.GRID && !empty;
        grid.setVisible(gridMode);
        single.setVisible(!gridMode && !empty);
        single.ownsViewportProperty().set(!gridMode);
        gridPanes.get(0).ownsViewportProperty().set(gridMode);
        unbind(single);
        gridPanes.forEach(this::unbind);
        if (empty) {
            return;
        }
        switch (mode) {
            case SLIDER -> {
                single.splitProperty().set(true);
                show(single, vm.a(), true, "A · ");
                show(single, vm.b(), false, "B · ");
            }
            case TOGGLE -> {
                single.splitProperty().set(false);
                Variant shown = vm.shownProperty().get();
                int index = vm.variants().indexOf(shown) + 1;
                show(single, shown, true, index + " · ");
            }
            case DIFFERENCE -> {
                single.splitProperty().set(false);
                DiffHeatmap.Result heat = vm.heatmapProperty().get();
                single.imageAProperty().set(heat == null ? null : heat.image());
                single.labelAProperty().set(heat == null ? "Computing |A − B|…"
                        : String.format(Locale.ROOT, "|A − B|  mean %.2f %%  max %.1f %%", heat.mean() * 100, heat.max() * 100));
            }
            case GRID -> layoutGrid();
        }
        single.requestRedraw();
    }

    private void layoutGrid() {
        List<Variant> shown = vm.gridVariants();
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        int n = shown.size();
        int cols = n <= 3 ? n : 2;
        int rows = n <= 3 ? 1 : 2;
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < n; i++) {
            ImagePane pane = gridPanes.get(i);
            pane.splitProperty().set(false);
            show(pane, shown.get(i), true, (vm.variants().indexOf(shown.get(i)) + 1) + " · ");
            grid.add(pane, i % cols, i / cols);
            pane.requestRedraw();
        }
    }

    private void show(ImagePane pane, Variant v, boolean sideA, String prefix) {
        if (v == null) {
            return;
        }
        LoadedImage loaded = vm.image(v);
        (sideA ? pane.imageAProperty() : pane.imageBProperty()).bind(loaded.imageProperty());
        (sideA ? pane.smoothAProperty() : pane.smoothBProperty()).set(v.kind() == VariantKind.INPUT_SMOOTH);
        (sideA ? pane.labelAProperty() : pane.labelBProperty()).set(prefix + v.label());
    }

    private void unbind(ImagePane pane) {
        pane.imageAProperty().unbind();
        pane.imageBProperty().unbind();
        pane.imageAProperty().set(null);
        pane.imageBProperty().set(null);
        pane.labelAProperty().set(null);
        pane.labelBProperty().set(null);
    }
}
