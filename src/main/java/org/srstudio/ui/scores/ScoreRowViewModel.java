package org.srstudio.ui.scores;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.srstudio.ui.compare.Variant;

/** One row of the scores table: a variant and the scores known for it so far. */
public final class ScoreRowViewModel {
    private final Variant variant;
    private final ObservableMap<String, Double> scores = FXCollections.observableHashMap();
    private final ObservableMap<String, String> notes = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    ScoreRowViewModel(Variant variant) {
        this.variant = variant;
    }

    public Variant variant() {
        return variant;
    }

    public String label() {
        return variant.label();
    }

    public String sizeLabel() {
        return variant.width() + " × " + variant.height();
    }

    /** Milliseconds inside the model, or -1 for variants no model made. */
    public long runMillis() {
        return variant.provenance().map(p -> p.runMillis()).orElse(-1L);
    }

    public ObservableMap<String, Double> scores() {
        return scores;
    }

    /** Why a metric has no score for this row (e.g. the region is too small for it), by metric key. */
    public ObservableMap<String, String> notes() {
        return notes;
    }

    void putScore(String metric, double value) {
        notes.remove(metric);
        scores.put(metric, value);
    }

    void putNote(String metric, String sentence) {
        scores.remove(metric);
        notes.put(metric, sentence);
    }

    void clearScores() {
        scores.clear();
        notes.clear();
    }

    /** "Scoring…", an error sentence, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void setStatus(String value) {
        status.set(value == null ? "" : value);
    }
}
