package org.srstudio.ui.scores;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.srstudio.core.StudioException;
import org.srstudio.ui.common.UiDispatcher;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.compare.VariantKind;
import org.srstudio.ui.compare.VisibleRegion;

/**
 * The scores under the compare view: one row per variant, one column per metric, filled as the scorer reports.
 * Whole-image scores are remembered by variant (and whether a ground truth was used), so switching inputs and
 * back does not score again, and they are saved with the session. In region mode every row is rescored on the
 * same part of the image, mapped into each variant's own pixels; those scores are shown, never remembered, and
 * a newer region or the return to whole-image scores drops the results of the older one.
 */
public final class ScoresViewModel {
    private static final String WHOLE_IMAGE = "Scores for the whole image";

    private final VariantScorer scorer;
    private final Executor scoring;
    private final UiDispatcher ui;
    private final ObservableList<ScoreRowViewModel> rows = FXCollections.observableArrayList();
    private final Map<String, Map<String, Double>> known = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> knownNotes = new ConcurrentHashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    /** metric key → key of the variant with the best score; recomputed whenever a score arrives. */
    private final ReadOnlyObjectWrapper<Map<String, String>> best = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper(WHOLE_IMAGE);
    /** Bumped whenever what the rows show changes; region results of an older generation are dropped. */
    private final AtomicLong generation = new AtomicLong();
    private List<Variant> shown = List.of();
    private Optional<Variant> truth = Optional.empty();
    private Optional<Path> input = Optional.empty();
    /** The region asked for, possibly of another input's frame; null for the whole image. */
    private VisibleRegion region;
    /** The region the rows show now; null while they show whole-image scores. */
    private VisibleRegion scoredRegion;

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

    /** What the scores are for: "Scores for the whole image" or "Scores for the visible region x,y w×h of W×H". */
    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    // Commands

    /** Shows the rows of an input's variants and scores those not scored yet (or the current region of each). */
    public void show(List<Variant> variants) {
        shown = List.copyOf(variants);
        truth = variants.stream().filter(v -> v.kind() == VariantKind.GROUND_TRUTH).findFirst();
        input = variants.stream().filter(v -> v.kind().isBaseline()).map(Variant::image).findFirst();
        // Rows first: a scorer may report before scoring starts returns, and its scores must find their row.
        // The smooth baseline has the same pixels as the nearest one; scoring it twice says nothing.
        rows.setAll(variants.stream().filter(v -> v.kind() != VariantKind.INPUT_SMOOTH).map(ScoreRowViewModel::new).toList());
        refill();
    }

    /**
     * Scores every row on {@code visible} (frame pixels of the compare view), or shows whole-image scores again
     * when it is null. A region of another frame than the shown variants' waits for the next one.
     */
    public void setRegion(VisibleRegion visible) {
        region = visible;
        refill();
    }

    /** The whole-image scores known so far for a shown variant, whether the rows show them or a region's. */
    public Map<String, Double> wholeImageScores(Variant v) {
        return Map.copyOf(known.getOrDefault(cacheKey(v, truth), Map.of()));
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

    private void refill() {
        long current = generation.incrementAndGet();
        scoredRegion = region != null && framesOf(region, shown) ? region : null;
        scope.set(scoredRegion == null ? WHOLE_IMAGE : "Scores for the visible region " + scoredRegion.describe()
                + " of " + scoredRegion.frameWidth() + "×" + scoredRegion.frameHeight());
        for (ScoreRowViewModel row : rows) {
            row.clearScores();
            if (scoredRegion == null) {
                showWholeImage(row);
            } else {
                scoreRegion(row, scoredRegion, current);
            }
        }
        recomputeBest();
    }

    private static boolean framesOf(VisibleRegion r, List<Variant> variants) {
        return !variants.isEmpty()
                && r.frameWidth() == variants.stream().mapToInt(Variant::width).max().getAsInt()
                && r.frameHeight() == variants.stream().mapToInt(Variant::height).max().getAsInt();
    }

    private ScoreTarget target(Variant v) {
        return new ScoreTarget(v.key(), v.image(), input.orElse(v.image()), truth.filter(t -> t != v).map(Variant::image));
    }

    private void showWholeImage(ScoreRowViewModel row) {
        String cacheKey = cacheKey(row.variant(), truth);
        Map<String, Double> cached = known.get(cacheKey);
        if (cached != null) {
            cached.forEach(row::putScore);
            knownNotes.getOrDefault(cacheKey, Map.of()).forEach(row::putNote);
            row.setStatus(inFlight.contains(cacheKey) ? "Scoring…" : null);
        } else if (!scorer.metrics().isEmpty()) {
            start(row, cacheKey, target(row.variant()));
        } else {
            row.setStatus(null);
        }
    }

    private void start(ScoreRowViewModel row, String cacheKey, ScoreTarget target) {
        row.setStatus("Scoring…");
        if (!inFlight.add(cacheKey)) {
            return;
        }
        Map<String, Double> results = known.computeIfAbsent(cacheKey, k -> new ConcurrentHashMap<>());
        Map<String, String> notes = knownNotes.computeIfAbsent(cacheKey, k -> new ConcurrentHashMap<>());
        String variantKey = target.variantKey();
        VariantScorer.ScoreSink sink = new VariantScorer.ScoreSink() {
            @Override
            public void accept(String metric, double value) {
                results.put(metric, value);
                ui.post(() -> deliverWholeImage(variantKey, r -> r.putScore(metric, value)));
            }

            @Override
            public void reject(String metric, String sentence) {
                notes.put(metric, sentence);
                ui.post(() -> deliverWholeImage(variantKey, r -> r.putNote(metric, sentence)));
            }

            @Override
            public boolean cancelled() {
                return false; // whole-image scores are remembered, so they are always worth finishing
            }
        };
        scoring.execute(() -> {
            String error = score(target, sink);
            if (error != null) {
                known.remove(cacheKey);
                knownNotes.remove(cacheKey);
            }
            ui.post(() -> {
                inFlight.remove(cacheKey);
                deliverWholeImage(variantKey, r -> r.setStatus(error));
            });
        });
    }

    private void scoreRegion(ScoreRowViewModel row, VisibleRegion visible, long regionGeneration) {
        if (scorer.metrics().isEmpty()) {
            return;
        }
        row.setStatus("Scoring region…");
        ScoreTarget target = target(row.variant()).within(visible.in(row.variant()));
        String variantKey = target.variantKey();
        VariantScorer.ScoreSink sink = new VariantScorer.ScoreSink() {
            @Override
            public void accept(String metric, double value) {
                ui.post(() -> deliverRegion(regionGeneration, variantKey, r -> r.putScore(metric, value)));
            }

            @Override
            public void reject(String metric, String sentence) {
                ui.post(() -> deliverRegion(regionGeneration, variantKey, r -> r.putNote(metric, sentence)));
            }

            @Override
            public boolean cancelled() {
                return generation.get() != regionGeneration;
            }
        };
        scoring.execute(() -> {
            if (sink.cancelled()) {
                return; // the view moved on while this waited behind other scoring
            }
            String error = score(target, sink);
            ui.post(() -> deliverRegion(regionGeneration, variantKey, r -> r.setStatus(error)));
        });
    }

    /** Runs the scorer; the sentence to show in the row when it failed as a whole, else null. */
    private String score(ScoreTarget target, VariantScorer.ScoreSink sink) {
        try {
            scorer.score(target, sink);
            return null;
        } catch (StudioException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return "Scoring failed unexpectedly.";
        }
    }

    private void deliverWholeImage(String variantKey, Consumer<ScoreRowViewModel> update) {
        if (scoredRegion == null) {
            update(variantKey, update);
        }
    }

    private void deliverRegion(long regionGeneration, String variantKey, Consumer<ScoreRowViewModel> update) {
        if (generation.get() == regionGeneration) {
            update(variantKey, update);
        }
    }

    private void update(String variantKey, Consumer<ScoreRowViewModel> update) {
        rows.stream().filter(r -> r.variant().key().equals(variantKey)).forEach(update);
        recomputeBest();
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
