package org.srstudio.ui.prompt;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.srstudio.core.job.ColorFix;
import org.srstudio.ui.common.ComboItems;
import org.srstudio.ui.common.Icons;
import org.srstudio.ui.common.StudioStyles;

/**
 * The prompt and parameter form for the focused model. Every field is always shown, so the form does not jump
 * between models; fields of knobs the model ignores are disabled.
 */
public final class ParameterEditorView extends VBox {
    // Bidirectional bindings hold their partners weakly; these adapters must live as long as the view.
    private final ObjectProperty<Double> guidanceObject;
    private final ObjectProperty<Integer> stepsObject;

    public ParameterEditorView(ParameterEditorViewModel vm) {
        this(vm, null);
    }

    /** @param promptTools shown under the two prompt fields (the prompt writer), or null */
    public ParameterEditorView(ParameterEditorViewModel vm, Node promptTools) {
        getStyleClass().addAll(StudioStyles.SECTION, StudioStyles.PARAM_EDITOR);
        setSpacing(8);
        guidanceObject = vm.guidanceProperty().asObject();
        stepsObject = vm.stepsProperty().asObject();

        Label title = new Label("Parameters");
        title.getStyleClass().add(StudioStyles.SECTION_TITLE);
        Label model = new Label();
        model.getStyleClass().add(Styles.TEXT_MUTED);
        model.textProperty().bind(vm.titleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reset = new Button(null, Icons.of(Material2OutlinedMZ.SETTINGS_BACKUP_RESTORE));
        reset.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        reset.setTooltip(new Tooltip("Reset this model's parameters to its defaults"));
        reset.setOnAction(e -> vm.resetToDefaults());
        reset.disableProperty().bind(vm.modelProperty().isNull());
        HBox header = new HBox(6, title, model, spacer, reset);
        header.setAlignment(Pos.CENTER_LEFT);

        ComboBox<Integer> scale = new ComboBox<>();
        scale.setId("scale");
        scale.setConverter(converter(s -> s == null ? "" : "×" + s, t -> Integer.parseInt(t.replace("×", ""))));
        scale.valueProperty().addListener((obs, o, n) -> {
            if (n != null) {
                vm.scaleProperty().set(n);
            }
        });
        vm.scaleProperty().addListener((obs, o, n) -> scale.setValue(n.intValue()));
        ComboItems.follow(scale, vm.scales(), () -> vm.scaleProperty().get());
        scale.setPrefWidth(110);
        scale.disableProperty().bind(vm.modelProperty().isNull());

        TextArea prompt = area("Describe the image: subject, materials, lighting…", vm.promptProperty());
        prompt.setId("prompt");
        prompt.disableProperty().bind(vm.promptEnabledProperty().not());
        TextArea promptLow = area("Low-level quality prompt (dual-prompt models)", vm.promptLowProperty());
        promptLow.setId("prompt-low");
        promptLow.disableProperty().bind(vm.promptLowEnabledProperty().not());
        TextArea negative = area("What to avoid: blur, noise, artefacts…", vm.negativePromptProperty());
        negative.disableProperty().bind(vm.negativeEnabledProperty().not());

        Slider guidance = new Slider();
        guidance.setId("guidance-slider");
        guidance.minProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> vm.guidanceRangeProperty().get().min(), vm.guidanceRangeProperty()));
        guidance.maxProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> vm.guidanceRangeProperty().get().max(), vm.guidanceRangeProperty()));
        guidance.valueProperty().bindBidirectional(vm.guidanceProperty());
        HBox.setHgrow(guidance, Priority.ALWAYS);
        TextField guidanceExact = new TextField();
        guidanceExact.setId("guidance-exact");
        guidanceExact.setPrefColumnCount(4);
        // Text that is not a number snaps back to the current value instead of clearing the knob.
        TextFormatter<Double> guidanceFormat = new TextFormatter<>(new StringConverter<Double>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : String.format(Locale.ROOT, "%.2f", d);
            }

            @Override
            public Double fromString(String text) {
                try {
                    return vm.guidanceRangeProperty().get().clamp(Double.parseDouble(text.strip()));
                } catch (RuntimeException e) {
                    return vm.guidanceProperty().get();
                }
            }
        }, vm.guidanceProperty().get());
        guidanceExact.setTextFormatter(guidanceFormat);
        guidanceFormat.valueProperty().bindBidirectional(guidanceObject);
        HBox guidanceRow = new HBox(8, guidance, guidanceExact);
        guidanceRow.setAlignment(Pos.CENTER_LEFT);
        guidanceRow.disableProperty().bind(vm.guidanceEnabledProperty().not());

        Spinner<Integer> steps = new Spinner<>();
        steps.setId("steps");
        SpinnerValueFactory.IntegerSpinnerValueFactory stepsFactory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 200, vm.stepsProperty().get());
        vm.stepsRangeProperty().addListener((obs, o, r) -> {
            stepsFactory.setMin((int) r.min());
            stepsFactory.setMax((int) r.max());
        });
        stepsFactory.setMin((int) vm.stepsRangeProperty().get().min());
        stepsFactory.setMax((int) vm.stepsRangeProperty().get().max());
        steps.setValueFactory(stepsFactory);
        steps.setEditable(true);
        stepsFactory.valueProperty().bindBidirectional(stepsObject);
        steps.setMaxWidth(Double.MAX_VALUE);
        steps.disableProperty().bind(vm.stepsEnabledProperty().not());

        TextField seed = new TextField();
        seed.setId("seed");
        seed.setPromptText("random each run");
        seed.textProperty().bindBidirectional(vm.seedProperty());
        HBox.setHgrow(seed, Priority.ALWAYS);
        Button dice = new Button(null, Icons.of(Material2OutlinedAL.CASINO));
        dice.setId("seed-dice");
        dice.getStyleClass().addAll(Styles.BUTTON_ICON);
        dice.setTooltip(new Tooltip("Draw a new seed"));
        dice.setOnAction(e -> vm.randomizeSeed());
        HBox seedRow = new HBox(6, seed, dice);
        seedRow.disableProperty().bind(vm.seedEnabledProperty().not());
        vm.seedErrorProperty().addListener((obs, o, err) -> {
            seed.pseudoClassStateChanged(Styles.STATE_DANGER, err != null);
            seed.setTooltip(err == null ? null : new Tooltip(err));
        });

        ComboBox<Integer> tile = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                ParameterEditorViewModel.TILE_SIZES));
        tile.setConverter(converter(t -> t == null ? "" : t == 0 ? "Automatic" : t + " px",
                t -> t.startsWith("Auto") ? 0 : Integer.parseInt(t.replace(" px", ""))));
        tile.valueProperty().bindBidirectional(vm.tileSizeProperty());
        tile.setMaxWidth(Double.MAX_VALUE);
        tile.disableProperty().bind(vm.tileEnabledProperty().not());

        ComboBox<ColorFix> colorFix = new ComboBox<>();
        colorFix.setConverter(converter(c -> c == null ? "" : switch (c) {
            case NONE -> "None";
            case ADAIN -> "AdaIN (colour statistics)";
            case WAVELET -> "Wavelet (low band)";
        }, t -> ColorFix.NONE));
        ComboItems.follow(colorFix, vm.colorFixChoices(), () -> vm.colorFixProperty().get());
        colorFix.valueProperty().bindBidirectional(vm.colorFixProperty());
        colorFix.setMaxWidth(Double.MAX_VALUE);
        colorFix.disableProperty().bind(vm.colorFixEnabledProperty().not());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        row = addRow(form, row, "Scale", scale);
        row = addRow(form, row, "Prompt", prompt);
        row = addRow(form, row, "Quality prompt", promptLow);
        if (promptTools != null) {
            form.add(promptTools, 0, row++, 2, 1);
        }
        row = addRow(form, row, "Negative", negative);
        row = addRow(form, row, "Guidance", guidanceRow);
        row = addRow(form, row, "Steps", steps);
        row = addRow(form, row, "Seed", seedRow);
        row = addRow(form, row, "Tile size", tile);
        addRow(form, row, "Colour fix", colorFix);
        getChildren().addAll(header, form);
    }

    private static int addRow(GridPane form, int row, String label, Node field) {
        Label l = new Label(label);
        l.getStyleClass().add(StudioStyles.FIELD_LABEL);
        l.disableProperty().bind(field.disableProperty());
        l.setLabelFor(field);
        GridPane.setValignment(l, field instanceof TextArea ? javafx.geometry.VPos.TOP : javafx.geometry.VPos.CENTER);
        form.add(l, 0, row);
        form.add(field, 1, row);
        return row + 1;
    }

    private static TextArea area(String hint, javafx.beans.property.StringProperty property) {
        TextArea area = new TextArea();
        area.setPromptText(hint);
        area.setWrapText(true);
        area.setPrefRowCount(2);
        area.textProperty().bindBidirectional(property);
        return area;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> to,
                                                    java.util.function.Function<String, T> from) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return to.apply(value);
            }

            @Override
            public T fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : from.apply(text.strip());
                } catch (RuntimeException e) {
                    return null;
                }
            }
        };
    }
}
