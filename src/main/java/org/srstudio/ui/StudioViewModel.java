package org.srstudio.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import org.srstudio.core.StudioException;
import org.srstudio.core.StudioServices;
import org.srstudio.core.job.JobResult;
import org.srstudio.core.job.OutputSettings;
import org.srstudio.core.job.UpscaleRequest;
import org.srstudio.core.model.KnobName;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelManifest;
import org.srstudio.core.prompt.PromptHistory;
import org.srstudio.core.prompt.PromptOrigin;
import org.srstudio.core.prompt.PromptPair;
import org.srstudio.core.prompt.PromptService;
import org.srstudio.core.prompt.PromptSettings;
import org.srstudio.core.prompt.XpsrPromptSidecars;
import org.srstudio.ui.common.ImageFacts;
import org.srstudio.ui.common.StudioTheme;
import org.srstudio.ui.common.UiDispatcher;
import org.srstudio.ui.common.UiImageLoader;
import org.srstudio.ui.common.UiScheduler;
import org.srstudio.ui.compare.CompareMode;
import org.srstudio.ui.compare.CompareViewModel;
import org.srstudio.ui.compare.ImageCache;
import org.srstudio.ui.compare.ResultLibrary;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.inputs.InputItem;
import org.srstudio.ui.inputs.InputsViewModel;
import org.srstudio.ui.models.ModelCardViewModel;
import org.srstudio.ui.models.ModelPickerViewModel;
import org.srstudio.ui.prompt.ParameterEditorViewModel;
import org.srstudio.ui.prompt.ParameterValues;
import org.srstudio.ui.prompt.PromptAssistantViewModel;
import org.srstudio.ui.scores.MetricInfo;
import org.srstudio.ui.queue.QueueViewModel;
import org.srstudio.ui.scores.ScoresViewModel;
import org.srstudio.ui.scores.VariantScorer;
import org.srstudio.ui.session.Preferences;
import org.srstudio.ui.session.PreferencesStore;
import org.srstudio.ui.session.PromptPreferences;
import org.srstudio.ui.session.ResultExporter;
import org.srstudio.ui.session.SavedVariant;
import org.srstudio.ui.session.SessionState;
import org.srstudio.ui.session.SessionStore;

/**
 * The studio window's view model: it owns the feature view models and the wiring between them (the focused
 * model card drives the editor, finished jobs become variants of their input, the selected input drives the
 * compare view and scores), the Run command, saving results, and the session and preferences files.
 */
public final class StudioViewModel implements AutoCloseable {
    private final StudioServices services;
    private final Executor background;
    private final UiImageLoader loader;
    private final InputsViewModel inputs;
    private final ModelPickerViewModel models;
    private final ParameterEditorViewModel editor;
    private final QueueViewModel queue;
    private final CompareViewModel compare;
    private final ScoresViewModel scores;
    private final PromptAssistantViewModel prompts;
    private final Map<String, PromptHistory> promptHistories = new HashMap<>();
    private final ResultLibrary library = new ResultLibrary();
    private final SessionStore sessionStore;
    private final PreferencesStore preferencesStore;
    private final ObjectProperty<Preferences> preferences = new SimpleObjectProperty<>();
    private final ObjectProperty<StudioTheme> theme = new SimpleObjectProperty<>(StudioTheme.LIGHT);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRun;
    private final UiDispatcher ui;
    private final ScoresAfterInput scoresAfterInput;
    private boolean restoring;

    public StudioViewModel(StudioServices services, VariantScorer scorer, UiImageLoader loader, Executor background,
                           Executor scoring, Executor sessionWriter, UiDispatcher ui, UiScheduler scheduler,
                           RandomGenerator random) {
        this(services, scorer, null, loader, background, scoring, sessionWriter, ui, scheduler, random);
    }

    /** @param promptService writes prompts with a vision-language server; null leaves the Describe actions off */
    public StudioViewModel(StudioServices services, VariantScorer scorer, PromptService promptService,
                           UiImageLoader loader, Executor background, Executor scoring, Executor sessionWriter,
                           UiDispatcher ui, UiScheduler scheduler, RandomGenerator random) {
        this.services = services;
        this.background = background;
        this.loader = loader;
        this.ui = ui;
        this.inputs = new InputsViewModel(loader, background, ui, services.dataDir().resolve("pasted"));
        this.models = new ModelPickerViewModel(services.registry().list());
        this.editor = new ParameterEditorViewModel(random);
        this.queue = new QueueViewModel(services.executor(), ui, this::jobTitle);
        this.compare = new CompareViewModel(new ImageCache(loader, background, ui), background, ui, scheduler);
        this.scores = new ScoresViewModel(scorer, scoring, ui);
        this.scoresAfterInput = new ScoresAfterInput(scheduler);
        this.prompts = new PromptAssistantViewModel(promptService, input -> services.decoder().decode(input).color(),
                background, ui, editor.promptProperty(), editor.promptLowProperty());
        this.sessionStore = new SessionStore(services.dataDir(), sessionWriter);
        this.preferencesStore = new PreferencesStore(services.dataDir());
        this.canRun = Bindings.createBooleanBinding(
                () -> !models.selection().isEmpty() && !inputs.runTargets().isEmpty(),
                models.selection(), inputs.selectedProperty(), inputs.chosen(), inputs.items());
        wire();
    }

    // Properties

    public InputsViewModel inputs() {
        return inputs;
    }

    public ModelPickerViewModel models() {
        return models;
    }

    public ParameterEditorViewModel editor() {
        return editor;
    }

    public PromptAssistantViewModel prompts() {
        return prompts;
    }

    /** The prompts {@code input} has had, oldest first (empty when none). */
    public PromptHistory promptHistory(Path input) {
        return promptHistories.getOrDefault(input.toString(), PromptHistory.empty(XpsrPromptSidecars.stem(input)));
    }

    public QueueViewModel queue() {
        return queue;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public ScoresViewModel scores() {
        return scores;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public ObjectProperty<StudioTheme> themeProperty() {
        return theme;
    }

    public Preferences preferences() {
        return preferences.get();
    }

    /** One sentence about the last thing that happened (saved files, a problem). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String device() {
        return services.executor().device();
    }

    public Path dataDir() {
        return services.dataDir();
    }

    // Commands

    /** Ctrl+Enter: one job per (chosen input × picked model), each with the parameters remembered for its model. */
    public List<UpscaleRequest> run() {
        List<UpscaleRequest> requests = new ArrayList<>();
        for (InputItem input : inputs.runTargets()) {
            for (ModelCardViewModel card : models.selection()) {
                ModelManifest m = card.manifest();
                requests.add(new UpscaleRequest(input.path(), m.id(), editor.scaleFor(m), editor.parametersFor(m),
                        OutputSettings.STORE_ONLY));
            }
        }
        if (requests.isEmpty()) {
            status.set("Pick at least one installed model and one readable input to run.");
            return requests;
        }
        for (InputItem input : inputs.runTargets()) {
            for (ModelCardViewModel card : models.selection()) {
                ParameterValues v = editor.valuesFor(card.manifest());
                PromptPair used = new PromptPair(v.prompt(), v.promptLow());
                boolean prompted = card.manifest().hasKnob(KnobName.PROMPT) || card.manifest().hasKnob(KnobName.PROMPT_LOW);
                // Running the prompts as written (by LLaVA, measurements, an import) adds nothing new to the history.
                boolean unchanged = promptHistory(input.path()).latest().map(e -> e.prompts().equals(used)).orElse(false);
                if (prompted && !unchanged) {
                    recordPrompts(input.path(), used, PromptOrigin.EDITED);
                }
            }
        }
        queue.submit(requests);
        status.set("Queued " + requests.size() + (requests.size() == 1 ? " job." : " jobs."));
        return requests;
    }

    /** Copies the current input's model results into a folder (in the background) and remembers the folder. */
    public void saveResults(Path folder) {
        InputItem current = inputs.selected();
        if (current == null || library.results(current.path()).isEmpty()) {
            status.set("There are no results of this input to save yet.");
            return;
        }
        List<Variant> results = library.results(current.path());
        setPreferences(preferences.get().withOutputFolder(folder.toString()));
        background.execute(() -> {
            try {
                List<Path> written = ResultExporter.save(results, folder);
                ui.post(() -> status.set("Saved " + written.size() + (written.size() == 1 ? " result to " : " results to ")
                        + folder + "."));
            } catch (StudioException e) {
                ui.post(() -> status.set(e.getMessage()));
            }
        });
    }

    /** Reads XPSR sidecar prompts from {@code folder} for every input whose file stem has them. */
    public void importPrompts(Path folder) {
        List<Path> targets = inputs.items().stream().map(InputItem::path).toList();
        background.execute(() -> {
            try {
                Map<String, PromptPair> found = XpsrPromptSidecars.readAll(folder);
                ui.post(() -> {
                    int matched = 0;
                    for (Path input : targets) {
                        PromptPair pair = found.get(XpsrPromptSidecars.stem(input));
                        if (pair != null) {
                            matched++;
                            recordPrompts(input, pair, PromptOrigin.IMPORTED);
                            if (input.equals(prompts.targetProperty().get())) {
                                editor.promptProperty().set(pair.highLevel());
                                editor.promptLowProperty().set(pair.lowLevel());
                            }
                        }
                    }
                    status.set("Imported prompts for " + matched + " of " + targets.size()
                            + (targets.size() == 1 ? " input" : " inputs") + " from " + folder + ".");
                });
            } catch (StudioException e) {
                ui.post(() -> status.set(e.getMessage()));
            }
        });
    }

    /**
     * Writes each input's prompts to {@code folder} in XPSR's sidecar layout: the editor's prompts for the selected
     * input, the latest of its history for the others.
     */
    public void exportPrompts(Path folder) {
        Map<String, PromptPair> out = new java.util.TreeMap<>();
        for (InputItem item : inputs.items()) {
            PromptPair pair = item.path().equals(prompts.targetProperty().get())
                    ? new PromptPair(editor.promptProperty().get(), editor.promptLowProperty().get())
                    : promptHistory(item.path()).latest().map(PromptHistory.Entry::prompts).orElse(PromptPair.EMPTY);
            if (!pair.isEmpty()) {
                out.put(XpsrPromptSidecars.stem(item.path()), pair);
            }
        }
        if (out.isEmpty()) {
            status.set("No input has prompts to export yet.");
            return;
        }
        background.execute(() -> {
            try {
                XpsrPromptSidecars.writeAll(folder, out);
                ui.post(() -> status.set("Exported prompts of " + out.size() + (out.size() == 1 ? " input" : " inputs")
                        + " to " + folder + "."));
            } catch (StudioException e) {
                ui.post(() -> status.set(e.getMessage()));
            }
        });
    }

    /** Uses an image as the ground truth of the current input: shown as a variant and used by full-reference scores. */
    public void setGroundTruth(Path file) {
        InputItem current = inputs.selected();
        if (current == null) {
            return;
        }
        background.execute(() -> {
            try {
                ImageFacts facts = loader.probe(file);
                ui.post(() -> {
                    library.setGroundTruth(current.path(), Variant.groundTruth(file, facts.width(), facts.height()));
                    refreshVariants();
                    requestSave();
                });
            } catch (StudioException e) {
                ui.post(() -> status.set(e.getMessage()));
            }
        });
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /** Reads preferences and the last session; call once, after the window is up. */
    public void restore(List<Path> initialInputs) {
        Preferences prefs = preferencesStore.load();
        preferences.set(prefs);
        try {
            theme.set(StudioTheme.valueOf(prefs.theme()));
        } catch (IllegalArgumentException e) {
            theme.set(StudioTheme.LIGHT);
        }
        prompts.settingsProperty().set(prefs.prompts() == null ? PromptSettings.defaults() : prefs.prompts().toSettings());
        SessionState state = sessionStore.load();
        restoring = true;
        promptHistories.putAll(state.prompts());
        editor.restore(state.parameters());
        models.select(state.selectedModels());
        if (state.focusedModel() != null) {
            models.card(state.focusedModel()).ifPresent(models::focus);
        }
        scores.restore(state.scores());
        for (SavedVariant sv : state.variants()) {
            if (Files.isRegularFile(Path.of(sv.image()))) {
                Variant v = sv.toVariant();
                Path input = Path.of(sv.input());
                if (v.kind() == org.srstudio.ui.compare.VariantKind.GROUND_TRUTH) {
                    library.setGroundTruth(input, v);
                } else {
                    library.addResult(input, v);
                }
            }
        }
        if (state.compareMode() != null) {
            try {
                compare.setMode(CompareMode.valueOf(state.compareMode()));
            } catch (IllegalArgumentException ignored) {
                // An older or newer mode name; keep the default.
            }
        }
        List<Path> paths = new ArrayList<>(state.inputs().stream().map(Path::of).filter(Files::exists).toList());
        initialInputs.stream().map(p -> p.toAbsolutePath().normalize()).filter(p -> !paths.contains(p)).forEach(paths::add);
        Path selected = !initialInputs.isEmpty() ? null
                : Optional.ofNullable(state.selectedInput()).map(Path::of).orElse(null);
        if (paths.isEmpty()) {
            restoring = false;
        } else {
            inputs.add(paths, selected);
        }
    }

    /** The whole session as it would be saved now. */
    public SessionState capture() {
        List<SavedVariant> variants = new ArrayList<>();
        library.all().forEach((input, list) -> list.forEach(v -> variants.add(SavedVariant.of(input, v))));
        InputItem sel = inputs.selected();
        ModelCardViewModel focused = models.focused();
        return new SessionState(SessionState.VERSION,
                inputs.items().stream().map(i -> i.path().toString()).toList(),
                sel == null ? null : sel.path().toString(), models.selectedIds(),
                focused == null ? null : focused.id(), editor.snapshot(), variants, scores.snapshot(),
                compare.mode().name(), Map.copyOf(promptHistories));
    }

    public void setPreferences(Preferences value) {
        preferences.set(value);
        Preferences snapshot = value;
        background.execute(() -> preferencesStore.save(snapshot));
    }

    @Override
    public void close() {
        if (preferences.get() != null) {
            preferencesStore.save(preferences.get().withTheme(theme.get().name()));
        }
        prompts.cancel();
        sessionStore.saveNow(capture());
        queue.close();
    }

    private void wire() {
        models.focusedProperty().addListener((obs, old, card) -> editor.edit(card == null ? null : card.manifest()));
        if (models.focused() != null) {
            editor.edit(models.focused().manifest());
        }
        inputs.selectedProperty().addListener((obs, old, item) -> onInputSelected(item));
        inputs.setOnAdded(added -> {
            restoring = false;
            requestSave();
        });
        inputs.items().addListener((ListChangeListener<InputItem>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(i -> library.remove(i.path()));
            }
            requestSave();
        });
        queue.setOnFinished(this::onJobFinished);
        prompts.setOnWritten((input, origin) -> recordPrompts(input,
                new PromptPair(editor.promptProperty().get(), editor.promptLowProperty().get()), origin));
        prompts.setTargetScores(this::noReferenceScoresOfInput);
        prompts.settingsProperty().addListener((obs, old, s) -> {
            if (preferences.get() != null && s != null) {
                setPreferences(preferences.get().withPrompts(PromptPreferences.of(s)));
            }
        });
        models.selection().addListener((InvalidationListener) obs -> requestSave());
        compare.modeProperty().addListener(obs -> requestSave());
        compare.settledRegionProperty().addListener((obs, old, region) -> scores.setRegion(region));
        theme.addListener((obs, old, t) -> {
            if (preferences.get() != null) {
                setPreferences(preferences.get().withTheme(t.name()));
            }
        });
        Observable[] knobs = {editor.promptProperty(), editor.promptLowProperty(), editor.negativePromptProperty(),
                editor.guidanceProperty(), editor.stepsProperty(), editor.seedProperty(), editor.tileSizeProperty(),
                editor.colorFixProperty(), editor.scaleProperty()};
        for (Observable o : knobs) {
            o.addListener(obs -> requestSave());
        }
    }

    private void onInputSelected(InputItem item) {
        prompts.targetProperty().set(item == null ? null : item.path());
        prompts.history().setAll(item == null ? List.of() : promptHistory(item.path()).entries());
        if (item != null) {
            // Prompts describe an image, so they follow the input: show the ones this input had last.
            promptHistory(item.path()).latest().ifPresent(prompts::use);
        }
        if (item == null) {
            compare.setVariants(List.of());
            scoresAfterInput.fill(new SimpleBooleanProperty(true), () -> scores.show(List.of()));
            return;
        }
        // Start decoding the input for the compare view now, in parallel with reading its header.
        compare.image(Variant.baseline(item.path(), 1, 1, org.srstudio.ui.compare.VariantKind.INPUT_NEAREST));
        if (item.facts() == null) {
            // The header is still being read; show the variants once the size is known.
            item.factsProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends ImageFacts> obs, ImageFacts o, ImageFacts n) {
                    item.factsProperty().removeListener(this);
                    if (inputs.selected() == item) {
                        refreshVariants();
                    }
                }
            });
        }
        refreshVariants();
        requestSave();
    }

    private void recordPrompts(Path input, PromptPair pair, PromptOrigin origin) {
        if (pair.isEmpty()) {
            return;
        }
        PromptHistory next = promptHistory(input).with(pair, origin, Instant.now());
        promptHistories.put(input.toString(), next);
        if (input.equals(prompts.targetProperty().get())) {
            prompts.history().setAll(next.entries());
        }
        requestSave();
    }

    /** The no-reference scores of the selected input itself (of all of it, even while a region is scored). */
    private Map<String, Double> noReferenceScoresOfInput() {
        Map<String, Double> out = new HashMap<>();
        List<String> noReference = scores.metrics().stream().filter(m -> !m.needsReference()).map(MetricInfo::key).toList();
        scores.rows().stream().filter(r -> r.variant().kind() == org.srstudio.ui.compare.VariantKind.INPUT_NEAREST)
                .findFirst().ifPresent(r -> scores.wholeImageScores(r.variant()).forEach((k, v) -> {
                    if (noReference.contains(k) && v != null && Double.isFinite(v)) {
                        out.put(k, v);
                    }
                }));
        return out;
    }

    /** True once the compare view has the input's first pixels or its error; true at once when there is no input. */
    private ObservableBooleanValue inputShown(List<Variant> variants) {
        return variants.stream().filter(v -> v.kind() == org.srstudio.ui.compare.VariantKind.INPUT_NEAREST)
                .findFirst().map(compare::image)
                .<ObservableBooleanValue>map(l -> l.imageProperty().isNotNull().or(l.errorProperty().isNotEmpty()))
                .orElse(new SimpleBooleanProperty(true));
    }

    private void refreshVariants() {
        InputItem item = inputs.selected();
        if (item == null) {
            return;
        }
        List<Variant> variants = library.variantsFor(item.path(), item.facts());
        compare.setVariants(variants);
        scoresAfterInput.fill(inputShown(variants), () -> scores.show(variants));
    }

    private void onJobFinished(UpscaleRequest request, JobResult result) {
        String label = variantLabel(request, result);
        library.addResult(request.input(), Variant.result(result.storedImage(), label, result.provenance()));
        InputItem current = inputs.selected();
        if (current != null && current.path().equals(request.input())) {
            refreshVariants();
        }
        requestSave();
    }

    private String variantLabel(UpscaleRequest request, JobResult result) {
        Optional<ModelEntry> entry = services.registry().find(request.modelId());
        String name = entry.map(e -> e.manifest().name()).orElse(request.modelId());
        StringBuilder label = new StringBuilder(name).append(" ×").append(request.scale());
        if (entry.isPresent() && entry.get().manifest().hasKnob(KnobName.SEED)) {
            label.append(" · seed ").append(result.provenance().seed());
        }
        long same = library.results(request.input()).stream().filter(v -> v.label().startsWith(label.toString())).count();
        if (same > 0) {
            label.append(" #").append(same + 1);
        }
        return label.toString();
    }

    private String jobTitle(UpscaleRequest r) {
        String model = services.registry().find(r.modelId()).map(e -> e.manifest().name()).orElse(r.modelId());
        return r.input().getFileName() + " · " + model + " ×" + r.scale();
    }


    private void requestSave() {
        if (!restoring) {
            sessionStore.saveLater(capture());
        }
    }

}
