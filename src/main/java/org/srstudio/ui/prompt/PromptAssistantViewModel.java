package org.srstudio.ui.prompt;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.prompt.PromptHistory;
import org.srstudio.core.prompt.PromptJob;
import org.srstudio.core.prompt.PromptKind;
import org.srstudio.core.prompt.PromptListener;
import org.srstudio.core.prompt.PromptOrigin;
import org.srstudio.core.prompt.PromptPair;
import org.srstudio.core.prompt.PromptService;
import org.srstudio.core.prompt.PromptSettings;
import org.srstudio.ui.common.UiDispatcher;

/**
 * Writes the editor's two prompts for an input: "Describe with LLaVA" asks the prompt service (the text streams
 * into the fields as it arrives, and can be cancelled); "Describe quality" writes the low-level prompt from
 * measurements. Failures become one sentence in {@link #messageProperty()}; the editor keeps working meanwhile.
 */
public final class PromptAssistantViewModel {
    /** Reads an input's pixels; runs on the background executor. */
    @FunctionalInterface
    public interface ImageReader {
        FloatImage read(Path input) throws StudioException;
    }

    private final PromptService service;
    private final ImageReader reader;
    private final java.util.concurrent.Executor background;
    private final UiDispatcher ui;
    private final StringProperty highLevel;
    private final StringProperty lowLevel;
    private final ObjectProperty<PromptSettings> settings = new SimpleObjectProperty<>(PromptSettings.defaults());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Path> target = new SimpleObjectProperty<>();
    private final ObservableList<PromptHistory.Entry> history = FXCollections.observableArrayList();
    private Supplier<Map<String, Double>> targetScores = Map::of;
    private BiConsumer<Path, PromptOrigin> onWritten = (input, origin) -> { };
    private PromptJob job;
    private int generation;

    /**
     * @param highLevel the field the high-level prompt is written into (the editor's prompt)
     * @param lowLevel  the field the low-level prompt is written into (the editor's quality prompt)
     */
    public PromptAssistantViewModel(PromptService service, ImageReader reader, java.util.concurrent.Executor background,
                                    UiDispatcher ui, StringProperty highLevel, StringProperty lowLevel) {
        this.service = service;
        this.reader = Objects.requireNonNull(reader, "reader");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.highLevel = Objects.requireNonNull(highLevel, "highLevel");
        this.lowLevel = Objects.requireNonNull(lowLevel, "lowLevel");
    }

    public ObjectProperty<PromptSettings> settingsProperty() {
        return settings;
    }

    /** True while a description is being written; the Describe button turns into Cancel. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the assistant is doing, or the one sentence saying why it could not; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The input the actions describe (the selected input). */
    public ObjectProperty<Path> targetProperty() {
        return target;
    }

    /** The prompts the target input has had, oldest first. */
    public ObservableList<PromptHistory.Entry> history() {
        return history;
    }

    /** Where "Describe quality" finds the target's no-reference scores (metric key to value), if any are known. */
    public void setTargetScores(Supplier<Map<String, Double>> scores) {
        this.targetScores = scores == null ? Map::of : scores;
    }

    /** Describes the target input with the vision-language server. */
    public void describe() {
        describe(target.get());
    }

    /** Describes the target's quality from measurements and its known no-reference scores. */
    public void describeQuality() {
        describeQuality(target.get(), targetScores.get());
    }

    /** Puts an earlier prompt pair back into the fields. */
    public void use(PromptHistory.Entry entry) {
        highLevel.set(entry.prompts().highLevel());
        lowLevel.set(entry.prompts().lowLevel());
    }

    public boolean isAvailable() {
        return service != null;
    }

    /** Called on the UI thread when prompts for an input were written, so the input's history can record them. */
    public void setOnWritten(BiConsumer<Path, PromptOrigin> listener) {
        this.onWritten = listener == null ? (input, origin) -> { } : listener;
    }

    /** Asks the vision-language server for both prompts of {@code input}, streaming them into the fields. */
    public void describe(Path input) {
        if (input == null) {
            message.set("Select an input to describe first.");
            return;
        }
        if (service == null) {
            message.set("No prompt service is available in this window.");
            return;
        }
        if (busy.get()) {
            return;
        }
        int mine = ++generation;
        PromptSettings asked = settings.get();
        busy.set(true);
        message.set("Describing " + input.getFileName() + " with " + asked.highLevelModel() + "…");
        Set<PromptKind> done = EnumSet.noneOf(PromptKind.class);
        background.execute(() -> {
            FloatImage image;
            try {
                image = reader.read(input);
            } catch (StudioException | RuntimeException e) {
                ui.post(() -> fail(mine, e));
                return;
            }
            PromptListener listener = new PromptListener() {
                @Override
                public void partial(PromptKind kind, String textSoFar) {
                    ui.postLatest(key(kind), () -> {
                        if (mine == generation && !done.contains(kind)) {
                            field(kind).set(textSoFar);
                        }
                    });
                }

                @Override
                public void finished(PromptKind kind, String text) {
                    ui.post(() -> {
                        if (mine == generation) {
                            done.add(kind);
                            field(kind).set(text);
                        }
                    });
                }
            };
            PromptJob started = service.describe(image, asked, listener);
            ui.post(() -> {
                if (mine == generation) {
                    job = started;
                } else {
                    started.cancel();
                }
            });
            started.result().whenComplete((pair, error) -> ui.post(() -> {
                if (mine != generation) {
                    return;
                }
                if (error != null) {
                    fail(mine, error);
                } else {
                    highLevel.set(pair.highLevel());
                    lowLevel.set(pair.lowLevel());
                    finish("");
                    onWritten.accept(input, PromptOrigin.MLLM);
                }
            }));
        });
    }

    /** Stops the description in flight; what streamed in so far stays in the fields for editing. */
    public void cancel() {
        if (!busy.get()) {
            return;
        }
        generation++;
        if (job != null) {
            job.cancel();
        }
        finish("The description was cancelled.");
    }

    /** Writes the low-level prompt from measurements of {@code input}, with its no-reference scores when known. */
    public void describeQuality(Path input, Map<String, Double> noReferenceScores) {
        if (input == null) {
            message.set("Select an input to describe first.");
            return;
        }
        if (service == null) {
            message.set("No prompt service is available in this window.");
            return;
        }
        message.set("Measuring " + input.getFileName() + "…");
        Map<String, Double> scores = noReferenceScores == null ? Map.of() : Map.copyOf(noReferenceScores);
        background.execute(() -> {
            FloatImage image;
            try {
                image = reader.read(input);
            } catch (StudioException | RuntimeException e) {
                ui.post(() -> message.set(PromptJob.failureSentence(e)));
                return;
            }
            service.describeQuality(image, scores).whenComplete((text, error) -> ui.post(() -> {
                if (error != null) {
                    message.set(PromptJob.failureSentence(error));
                } else {
                    lowLevel.set(new PromptPair("", text).lowLevel());
                    message.set("");
                    onWritten.accept(input, PromptOrigin.MEASUREMENTS);
                }
            }));
        });
    }

    private void fail(int mine, Throwable error) {
        if (mine == generation) {
            finish(PromptJob.failureSentence(error));
        }
    }

    private void finish(String sentence) {
        job = null;
        busy.set(false);
        message.set(sentence);
    }

    private StringProperty field(PromptKind kind) {
        return kind == PromptKind.HIGH_LEVEL ? highLevel : lowLevel;
    }

    private Object key(PromptKind kind) {
        return this.toString() + kind;
    }
}
