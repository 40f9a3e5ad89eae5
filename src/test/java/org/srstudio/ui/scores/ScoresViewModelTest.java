package org.srstudio.ui.scores;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.srstudio.core.StudioException;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.store.Provenance;
import org.srstudio.ui.common.UiDispatcher;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.compare.VariantKind;

class ScoresViewModelTest {
    private static final Path INPUT = Path.of("/in/photo.png");

    /** Scores by file name: "psnr" from a table, "niqe" as a fixed function of the name's length. */
    private static final class TableScorer implements VariantScorer {
        final List<ScoreTarget> seen = new ArrayList<>();
        final Map<String, Double> psnr;

        TableScorer(Map<String, Double> psnr) {
            this.psnr = psnr;
        }

        @Override
        public List<MetricInfo> metrics() {
            return List.of(new MetricInfo("psnr", "PSNR", true, true, 2), new MetricInfo("niqe", "NIQE", false, false, 3));
        }

        @Override
        public void score(ScoreTarget target, ScoreSink sink) throws StudioException {
            seen.add(target);
            String name = target.image().getFileName().toString();
            if (name.startsWith("broken")) {
                throw new StudioException("The scorer cannot read broken.png.");
            }
            sink.accept("niqe", name.length());
            if (target.reference().isPresent() && psnr.containsKey(name)) {
                sink.accept("psnr", psnr.get(name));
            }
        }
    }

    static Variant result(String file) {
        Provenance p = new Provenance(INPUT.toString(), "00", 10, 10, file, "1", 2, ModelParameters.DEFAULTS, 0,
                "cpu", 0, 120, Instant.EPOCH, "t", Map.of());
        return Variant.result(Path.of("/store/" + file), file.replace(".png", ""), p);
    }

    private static List<Variant> variants(Variant... results) {
        List<Variant> all = new ArrayList<>(List.of(Variant.baseline(INPUT, 10, 10, VariantKind.INPUT_NEAREST),
                Variant.baseline(INPUT, 10, 10, VariantKind.INPUT_SMOOTH)));
        all.addAll(List.of(results));
        all.add(Variant.groundTruth(Path.of("/in/gt.png"), 20, 20));
        return all;
    }

    @Test
    void bestFollowsEachMetricsDirection() {
        TableScorer scorer = new TableScorer(Map.of("a.png", 30.0, "bb.png", 28.0));
        ScoresViewModel vm = new ScoresViewModel(scorer, Runnable::run, UiDispatcher.DIRECT);
        vm.show(variants(result("a.png"), result("bb.png")));
        ScoreRowViewModel a = vm.rows().stream().filter(r -> r.label().equals("a")).findFirst().orElseThrow();
        ScoreRowViewModel input = vm.rows().get(0);
        assertThat(vm.isBest("psnr", a)).isTrue();
        // NIQE is lower-is-better and "photo.png"/"gt.png"/"a.png" have lengths 9/6/5: "a.png" wins.
        assertThat(vm.isBest("niqe", a)).isTrue();
        assertThat(vm.isBest("niqe", input)).isFalse();
    }

    @Test
    void smoothBaselineIsNotScoredTwiceAndGroundTruthIsTheReference() {
        TableScorer scorer = new TableScorer(Map.of());
        ScoresViewModel vm = new ScoresViewModel(scorer, Runnable::run, UiDispatcher.DIRECT);
        vm.show(variants(result("a.png")));
        assertThat(vm.rows()).extracting(ScoreRowViewModel::label)
                .containsExactly("Input · nearest", "a", "Ground truth");
        assertThat(scorer.seen).filteredOn(t -> t.image().toString().equals("/store/a.png"))
                .allMatch(t -> t.reference().orElseThrow().equals(Path.of("/in/gt.png")));
        assertThat(scorer.seen).filteredOn(t -> t.image().toString().equals("/in/gt.png"))
                .allMatch(t -> t.reference().isEmpty());
    }

    @Test
    void knownScoresAreNotComputedAgain() {
        TableScorer scorer = new TableScorer(Map.of());
        ScoresViewModel vm = new ScoresViewModel(scorer, Runnable::run, UiDispatcher.DIRECT);
        vm.show(variants(result("a.png")));
        int calls = scorer.seen.size();
        vm.show(variants(result("a.png")));
        assertThat(scorer.seen).hasSize(calls);
    }

    @Test
    void aScorerFailureShowsItsSentenceInTheRow() {
        ScoresViewModel vm = new ScoresViewModel(new TableScorer(Map.of()), Runnable::run, UiDispatcher.DIRECT);
        vm.show(variants(result("broken.png")));
        ScoreRowViewModel broken = vm.rows().get(1);
        assertThat(broken.statusProperty().get()).isEqualTo("The scorer cannot read broken.png.");
    }

    @Test
    void csvHasAHeaderAndOneLinePerRow() {
        ScoresViewModel vm = new ScoresViewModel(new TableScorer(Map.of("a.png", 31.25)), Runnable::run,
                UiDispatcher.DIRECT);
        vm.show(variants(result("a.png")));
        String[] lines = vm.toCsv().split("\n");
        assertThat(lines[0]).isEqualTo("variant,size,time_ms,PSNR,NIQE");
        assertThat(lines).hasSize(1 + vm.rows().size());
        assertThat(lines[2]).isEqualTo("a,20x20,120,31.25,5.000");
    }
}
