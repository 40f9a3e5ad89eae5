package org.srstudio.ui.scores;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.srstudio.core.StudioException;
import org.srstudio.ui.common.UiDispatcher;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.compare.VariantKind;

/**
 * The scores under the compare view: one row per variant, one column per metric, filled as the scorer reports.
 * Scores are remembered by variant (and whether a ground truth was used), so switching inputs and back does not
 * score again, and they are saved with the session.
 */
public final class ScoresViewModel {
    private final VariantScorer scorer;
    private final Executor scoring;
    private final UiDispatcher ui;
    private final ObservableList<ScoreRowViewModel> rows = FXCollections.observableArrayList();
    private final Map<String, Map<String, Double>> known = new ConcurrentHashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    /** metric key → key of the variant with the best score; recomputed whenever a score arrives. */
    private final ReadOnlyObjectWrapper<Map<String, String>> best = new ReadOnlyObjectWrapper<>(Map.of());

    public ScoresViewModel(VariantScorer scorer, Executor scoring, UiDispatcher ui) {
        this.scorer = scorer;
        this.scoring = scoring;
        this.ui = ui;
    }

    // Properties

    public List<MetricInfo> metrics() {
        return scorer.metrics();
    }

    public ObservableList<ScoreRowViewModel> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Map<String, String>> bestProperty() {
        return best.getReadOnlyProperty();
    }

    public boolean isBest(String metricKey, ScoreRowViewModel row) {
        return row.variant().key().equals(best.get().get(metricKey));
    }

    // Commands

    /** Shows the rows of an input's variants and scores those not scored yet. */
    public void show(List<Variant> variants) {
        Optional<Variant> truth = variants.stream().filter(v -> v.kind() == VariantKind.GROUND_TRUTH).findFirst();
        Optional<java.nio.file.Path> input = variants.stream().filter(v -> v.kind().isBaseline())
                .map(Variant::image).findFirst();
        List<ScoreRowViewModel> next = new ArrayList<>();
        List<Runnable> toScore = new ArrayList<>();
        for (Variant v : variants) {
            if (v.kind() == VariantKind.INPUT_SMOOTH) {
                continue; // the same pixels as the nearest baseline; scoring it twice says nothing
            }
            ScoreRowViewModel row = new ScoreRowViewModel(v);
            String cacheKey = cacheKey(v, truth);
            Map<String, Double> cached = known.get(cacheKey);
            if (cached != null) {
                row.scores().putAll(cached);
                if (inFlight.contains(cacheKey)) {
                    row.setStatus("Scoring…");
                }
            } else if (!scorer.metrics().isEmpty()) {
                toScore.add(() -> start(row, cacheKey, new ScoreTarget(v.key(), v.image(), input.orElse(v.image()),
                        truth.filter(t -> t != v).map(Variant::image))));
            }
            next.add(row);
        }
        // Rows first: a scorer may report before start() returns, and its scores must find their row.
        rows.setAll(next);
        toScore.forEach(Runnable::run);
        recomputeBest();
    }

    /** Every score known, by variant key, for the session file. */
    public Map<String, Map<String, Double>> snapshot() {
        Map<String, Map<String, Double>> out = new HashMap<>();
        known.forEach((k, v) -> out.put(k, Map.copyOf(v)));
        return out;
    }

    public void restore(Map<String, Map<String, Double>> scores) {
        scores.forEach((k, v) -> known.put(k, new ConcurrentHashMap<>(v)));
    }

    /** The table as CSV: a header of variant, size, time and metric labels, then one line per row. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("variant,size,time_ms");
        for (MetricInfo m : metrics()) {
            sb.append(',').append(csv(m.label()));
        }
        sb.append('\n');
        for (ScoreRowViewModel row : rows) {
            sb.append(csv(row.label())).append(',').append(csv(row.variant().width() + "x" + row.variant().height()))
                    .append(',').append(row.runMillis() < 0 ? "" : Long.toString(row.runMillis()));
            for (MetricInfo m : metrics()) {
                Double v = row.scores().get(m.key());
                sb.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%." + m.decimals() + "f", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private void start(ScoreRowViewModel row, String cacheKey, ScoreTarget target) {
        row.setStatus("Scoring…");
        if (!inFlight.add(cacheKey)) {
            return;
        }
        Map<String, Double> results = known.computeIfAbsent(cacheKey, k -> new ConcurrentHashMap<>());
        scoring.execute(() -> {
            try {
                scorer.score(target, (metric, value) -> {
                    results.put(metric, value);
                    ui.post(() -> deliver(target.variantKey(), metric, value));
                });
                ui.post(() -> finish(cacheKey, target.variantKey(), null));
            } catch (StudioException | RuntimeException e) {
                known.remove(cacheKey);
                String sentence = e instanceof StudioException ? e.getMessage() : "Scoring failed unexpectedly.";
                ui.post(() -> finish(cacheKey, target.variantKey(), sentence));
            }
        });
    }

    private void deliver(String variantKey, String metric, double value) {
        rows.stream().filter(r -> r.variant().key().equals(variantKey)).forEach(r -> r.scores().put(metric, value));
        recomputeBest();
    }

    private void finish(String cacheKey, String variantKey, String error) {
        inFlight.remove(cacheKey);
        rows.stream().filter(r -> r.variant().key().equals(variantKey)).forEach(r -> r.setStatus(error));
    }

    private void recomputeBest() {
        Map<String, String> out = new HashMap<>();
        for (MetricInfo m : metrics()) {
            ScoreRowViewModel winner = null;
            double bestValue = 0;
            for (ScoreRowViewModel row : rows) {
                Double v = row.scores().get(m.key());
                if (v == null || v.isNaN()) {
                    continue;
                }
                if (winner == null || (m.higherIsBetter() ? v > bestValue : v < bestValue)) {
                    winner = row;
                    bestValue = v;
                }
            }
            if (winner != null) {
                out.put(m.key(), winner.variant().key());
            }
        }
        best.set(Map.copyOf(out));
    }

    private static String cacheKey(Variant v, Optional<Variant> truth) {
        return truth.filter(t -> t != v).map(t -> v.key() + "|ref=" + t.image()).orElse(v.key());
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
