package org.srstudio.ui.prompt;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.srstudio.core.job.ColorFix;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.model.Knob;
import org.srstudio.core.model.KnobName;
import org.srstudio.core.model.ModelManifest;

/**
 * The prompt and parameter editor. It edits one model at a time (the focused card), follows that model's
 * manifest (which knobs exist, their ranges and defaults), and remembers what was typed per model so that
 * switching cards and back loses nothing. Fields for knobs the model ignores stay visible but disabled.
 */
public final class ParameterEditorViewModel {
    static final KnobRange GUIDANCE_FALLBACK = new KnobRange(0, 20, 7.5);
    static final KnobRange STEPS_FALLBACK = new KnobRange(1, 200, 20);
    public static final List<Integer> TILE_SIZES = List.of(0, 128, 192, 256, 384, 512, 768, 1024);
    private static final long MAX_SEED = 0xFFFF_FFFFL;

    private final RandomGenerator random;
    private final Map<String, ParameterValues> remembered = new HashMap<>();

    private final ReadOnlyObjectWrapper<ModelManifest> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No model selected");
    private final ObservableList<Integer> scales = FXCollections.observableArrayList();
    private final IntegerProperty scale = new SimpleIntegerProperty(1);
    private final StringProperty prompt = new SimpleStringProperty("");
    private final StringProperty promptLow = new SimpleStringProperty("");
    private final StringProperty negativePrompt = new SimpleStringProperty("");
    private final DoubleProperty guidance = new SimpleDoubleProperty(GUIDANCE_FALLBACK.defaultValue());
    private final ReadOnlyObjectWrapper<KnobRange> guidanceRange = new ReadOnlyObjectWrapper<>(GUIDANCE_FALLBACK);
    private final IntegerProperty steps = new SimpleIntegerProperty((int) STEPS_FALLBACK.defaultValue());
    private final ReadOnlyObjectWrapper<KnobRange> stepsRange = new ReadOnlyObjectWrapper<>(STEPS_FALLBACK);
    private final StringProperty seed = new SimpleStringProperty("");
    private final ObjectProperty<Integer> tileSize = new SimpleObjectProperty<>(0);
    private final ObjectProperty<ColorFix> colorFix = new SimpleObjectProperty<>(ColorFix.NONE);
    private final ObservableList<ColorFix> colorFixChoices = FXCollections.observableArrayList(ColorFix.values());
    private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper();

    private final ReadOnlyBooleanWrapper promptEnabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper promptLowEnabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper negativeEnabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper guidanceEnabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper stepsEnabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper seedEnabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper tileEnabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper colorFixEnabled = new ReadOnlyBooleanWrapper();

    public ParameterEditorViewModel(RandomGenerator random) {
        this.random = random;
        guidance.addListener((obs, old, value) -> {
            double clamped = guidanceRange.get().clamp(value.doubleValue());
            if (clamped != value.doubleValue()) {
                guidance.set(clamped);
            }
        });
        steps.addListener((obs, old, value) -> {
            int clamped = (int) stepsRange.get().clamp(value.intValue());
            if (clamped != value.intValue()) {
                steps.set(clamped);
            }
        });
        seed.addListener((obs, old, value) -> seedError.set(parseSeed(value).isPresent() || value.isBlank()
                ? null : "The seed must be a whole number from 0 to " + MAX_SEED + "."));
    }

    // Properties

    public ReadOnlyObjectProperty<ModelManifest> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<Integer> scales() {
        return scales;
    }

    public IntegerProperty scaleProperty() {
        return scale;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public StringProperty promptLowProperty() {
        return promptLow;
    }

    public StringProperty negativePromptProperty() {
        return negativePrompt;
    }

    public DoubleProperty guidanceProperty() {
        return guidance;
    }

    public ReadOnlyObjectProperty<KnobRange> guidanceRangeProperty() {
        return guidanceRange.getReadOnlyProperty();
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public ReadOnlyObjectProperty<KnobRange> stepsRangeProperty() {
        return stepsRange.getReadOnlyProperty();
    }

    /** Blank means "draw a new seed for each run"; the seed actually used is in the result's provenance. */
    public StringProperty seedProperty() {
        return seed;
    }

    public ReadOnlyStringProperty seedErrorProperty() {
        return seedError.getReadOnlyProperty();
    }

    public ObjectProperty<Integer> tileSizeProperty() {
        return tileSize;
    }

    public ObjectProperty<ColorFix> colorFixProperty() {
        return colorFix;
    }

    public ObservableList<ColorFix> colorFixChoices() {
        return colorFixChoices;
    }

    public ReadOnlyBooleanProperty promptEnabledProperty() {
        return promptEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty promptLowEnabledProperty() {
        return promptLowEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty negativeEnabledProperty() {
        return negativeEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty guidanceEnabledProperty() {
        return guidanceEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty stepsEnabledProperty() {
        return stepsEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty seedEnabledProperty() {
        return seedEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tileEnabledProperty() {
        return tileEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty colorFixEnabledProperty() {
        return colorFixEnabled.getReadOnlyProperty();
    }

    // Commands

    /** Switches the editor to another model, keeping what was typed for the previous one. */
    public void edit(ModelManifest manifest) {
        ModelManifest previous = model.get();
        if (previous != null) {
            remembered.put(previous.id(), current());
        }
        model.set(manifest);
        if (manifest == null) {
            title.set("No model selected");
            setEnabled(null);
            return;
        }
        title.set(manifest.name());
        guidanceRange.set(KnobRange.of(manifest.knobs().get(KnobName.GUIDANCE), GUIDANCE_FALLBACK));
        stepsRange.set(KnobRange.of(manifest.knobs().get(KnobName.STEPS), STEPS_FALLBACK));
        Knob colorKnob = manifest.knobs().get(KnobName.COLOR_FIX);
        colorFixChoices.setAll(colorKnob != null && colorKnob.choices() != null
                ? colorKnob.choices().stream().map(ParameterEditorViewModel::colorFixOf).flatMap(Optional::stream).toList()
                : Arrays.asList(ColorFix.values()));
        scales.setAll(manifest.scales());
        setEnabled(manifest);
        load(remembered.getOrDefault(manifest.id(), defaults(manifest)));
    }

    /** Draws a new seed (the dice button). */
    public void randomizeSeed() {
        seed.set(Long.toString(random.nextLong(MAX_SEED + 1)));
    }

    /** Returns the model's knobs to its manifest defaults. */
    public void resetToDefaults() {
        if (model.get() != null) {
            load(defaults(model.get()));
        }
    }

    /** What is remembered for each model, the focused one included; saved with the session. */
    public Map<String, ParameterValues> snapshot() {
        Map<String, ParameterValues> all = new HashMap<>(remembered);
        if (model.get() != null) {
            all.put(model.get().id(), current());
        }
        return all;
    }

    /** Puts back what a session remembered; the focused model's fields are refreshed too. */
    public void restore(Map<String, ParameterValues> values) {
        remembered.putAll(values);
        ModelManifest focusedModel = model.get();
        if (focusedModel != null && values.containsKey(focusedModel.id())) {
            load(values.get(focusedModel.id()));
        }
    }

    /** The scale to run a model at: what the user chose for it, or its first scale. */
    public int scaleFor(ModelManifest manifest) {
        ParameterValues v = valuesFor(manifest);
        return manifest.scales().contains(v.scale()) ? v.scale() : manifest.defaultScale();
    }

    /** The request parameters for a model: only the knobs its manifest declares; the rest stay "model default". */
    public ModelParameters parametersFor(ModelManifest manifest) {
        ParameterValues v = valuesFor(manifest);
        String p = manifest.hasKnob(KnobName.PROMPT) ? v.prompt() : null;
        String n = manifest.hasKnob(KnobName.NEGATIVE_PROMPT) ? v.negativePrompt() : null;
        Double g = manifest.hasKnob(KnobName.GUIDANCE) ? v.guidance() : null;
        Integer s = manifest.hasKnob(KnobName.STEPS) ? v.steps() : null;
        Long sd = manifest.hasKnob(KnobName.SEED) ? parseSeed(v.seed()).orElse(null) : null;
        int tile = manifest.hasKnob(KnobName.TILE_SIZE) ? v.tileSize() : 0;
        ColorFix cf = manifest.hasKnob(KnobName.COLOR_FIX) ? v.colorFix() : null;
        String low = manifest.hasKnob(KnobName.PROMPT_LOW) ? v.promptLow() : null;
        return new ModelParameters(p, n, g, s, sd, tile, cf, low);
    }

    public ParameterValues valuesFor(ModelManifest manifest) {
        if (model.get() != null && model.get().id().equals(manifest.id())) {
            return current();
        }
        return remembered.getOrDefault(manifest.id(), defaults(manifest));
    }

    static ParameterValues defaults(ModelManifest m) {
        Map<String, Knob> k = m.knobs();
        KnobRange g = KnobRange.of(k.get(KnobName.GUIDANCE), GUIDANCE_FALLBACK);
        KnobRange st = KnobRange.of(k.get(KnobName.STEPS), STEPS_FALLBACK);
        Knob seedKnob = k.get(KnobName.SEED);
        String seedText = seedKnob != null && seedKnob.defaultValue() != null
                ? Long.toString(seedKnob.defaultValue().longValue()) : "";
        Knob tile = k.get(KnobName.TILE_SIZE);
        int tileSize = tile != null && tile.defaultValue() != null ? tile.defaultValue().intValue() : 0;
        Knob cf = k.get(KnobName.COLOR_FIX);
        ColorFix colorFix = cf != null && cf.defaultText() != null ? colorFixOf(cf.defaultText()).orElse(ColorFix.NONE)
                : ColorFix.NONE;
        return new ParameterValues(m.defaultScale(), text(k.get(KnobName.PROMPT)), text(k.get(KnobName.PROMPT_LOW)),
                text(k.get(KnobName.NEGATIVE_PROMPT)), g.defaultValue(), (int) st.defaultValue(), seedText, tileSize,
                colorFix);
    }

    private ParameterValues current() {
        int sc = scale.get() >= 1 && scale.get() <= 16 ? scale.get() : 1;
        return new ParameterValues(sc, prompt.get(), promptLow.get(), negativePrompt.get(), guidance.get(),
                steps.get(), seed.get(), tileSize.get() == null ? 0 : tileSize.get(), colorFix.get());
    }

    private void load(ParameterValues v) {
        scale.set(v.scale());
        prompt.set(v.prompt());
        promptLow.set(v.promptLow());
        negativePrompt.set(v.negativePrompt());
        guidance.set(guidanceRange.get().clamp(v.guidance()));
        steps.set((int) stepsRange.get().clamp(v.steps()));
        seed.set(v.seed());
        tileSize.set(v.tileSize());
        colorFix.set(v.colorFix());
    }

    private void setEnabled(ModelManifest m) {
        promptEnabled.set(m != null && m.hasKnob(KnobName.PROMPT));
        promptLowEnabled.set(m != null && m.hasKnob(KnobName.PROMPT_LOW));
        negativeEnabled.set(m != null && m.hasKnob(KnobName.NEGATIVE_PROMPT));
        guidanceEnabled.set(m != null && m.hasKnob(KnobName.GUIDANCE));
        stepsEnabled.set(m != null && m.hasKnob(KnobName.STEPS));
        seedEnabled.set(m != null && m.hasKnob(KnobName.SEED));
        tileEnabled.set(m != null && m.hasKnob(KnobName.TILE_SIZE));
        colorFixEnabled.set(m != null && m.hasKnob(KnobName.COLOR_FIX));
    }

    static Optional<Long> parseSeed(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            long v = Long.parseLong(text.strip());
            return v >= 0 && v <= MAX_SEED ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<ColorFix> colorFixOf(String name) {
        try {
            return Optional.of(ColorFix.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(Knob knob) {
        return knob == null || knob.defaultText() == null ? "" : knob.defaultText();
    }
}
