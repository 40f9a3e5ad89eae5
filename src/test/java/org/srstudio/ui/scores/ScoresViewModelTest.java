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
import org.srstudio.ui.compare.PixelRegion;
import org.srstudio.ui.compare.VariantKind;
import org.srstudio.ui.compare.VisibleRegion;

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
            if (target.region().isPresent()) {
                PixelRegion r = target.region().get();
                sink.accept("niqe", 1000 + r.width());
                if (r.width() < 10) {
                    sink.reject("psnr", "PSNR needs 10 pixels.");
                } else if (target.reference().isPresent()) {
                    sink.accept("psnr", r.height());
                }
                return;
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

    private static ScoreRowViewModel row(ScoresViewModel vm, String label) {
        return vm.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aRegionRescoresEveryRowOnItsOwnPixelsAndSaysWhichRegion() {
        TableScorer scorer = new TableScorer(Map.of("a.png", 30.0));
        ScoresViewModel vm = new ScoresViewModel(scorer, Runnable::run, UiDispatcher.DIRECT);
        vm.show(variants(result("a.png")));
        int wholeImageCalls = scorer.seen.size();
        assertThat(vm.scopeProperty().get()).isEqualTo("Scores for the whole image");

        VisibleRegion visible = new VisibleRegion(4, 6, 10, 8, 20, 20);
        vm.setRegion(visible);

        List<ScoreTarget> regional = scorer.seen.subList(wholeImageCalls, scorer.seen.size());
        assertThat(regional).extracting(t -> t.image().getFileName().toString())
                .containsExactlyInAnyOrder("photo.png", "a.png", "gt.png");
        // the 10 × 10 input sees the region at half the 20 × 20 frame's scale
        assertThat(regional).filteredOn(t -> t.image().equals(INPUT))
                .extracting(t -> t.region().orElseThrow()).containsExactly(new PixelRegion(2, 3, 5, 4));
        assertThat(regional).filteredOn(t -> !t.image().equals(INPUT))
                .extracting(t -> t.region().orElseThrow()).containsOnly(new PixelRegion(4, 6, 10, 8));
        assertThat(vm.scopeProperty().get()).isEqualTo("Scores for the visible region 4,6 10×8 of 20×20");
        assertThat(row(vm, "a").scores()).containsEntry("niqe", 1010.0).containsEntry("psnr", 8.0);
        assertThat(row(vm, "a").statusProperty().get()).isEmpty();
    }

    @Test
    void turningTheRegionOffRestoresWholeImageScoresWithoutScoringAgain() {
        TableScorer scorer = new TableScorer(Map.of("a.png", 30.0));
        ScoresViewModel vm = new ScoresViewModel(scorer, Runnable::run, UiDispatcher.DIRECT);
        vm.show(variants(result("a.png")));
        Map<String, Double> whole = Map.copyOf(row(vm, "a").scores());
        vm.setRegion(new VisibleRegion(4, 6, 10, 8, 20, 20));
        int calls = scorer.seen.size();

        vm.setRegion(null);

        assertThat(scorer.seen).hasSize(calls);
        assertThat(row(vm, "a").scores()).isEqualTo(whole);
        assertThat(vm.scopeProperty().get()).isEqualTo("Scores for the whole image");
        assertThat(vm.snapshot().values()).noneMatch(m -> m.containsValue(1010.0));
    }

    @Test
    void wholeImageScoresStayAvailableWhileARegionIsShown() {
        ScoresViewModel vm = new ScoresViewModel(new TableScorer(Map.of()), Runnable::run, UiDispatcher.DIRECT);
        vm.show(variants(result("a.png")));
        vm.setRegion(new VisibleRegion(4, 6, 10, 8, 20, 20));
        ScoreRowViewModel input = vm.rows().get(0);
        assertThat(input.scores()).containsEntry("niqe", 1005.0);
        assertThat(vm.wholeImageScores(input.variant())).containsExactly(Map.entry("niqe", 9.0));
    }

    @Test
    void aRegionTooSmallForAMetricShowsItsSentenceInsteadOfAScore() {
        ScoresViewModel vm = new ScoresViewModel(new TableScorer(Map.of()), Runnable::run, UiDispatcher.DIRECT);
        vm.show(variants(result("a.png")));
        vm.setRegion(new VisibleRegion(0, 0, 6, 6, 20, 20));
        assertThat(row(vm, "a").scores()).doesNotContainKey("psnr");
        assertThat(row(vm, "a").notes()).containsEntry("psnr", "PSNR needs 10 pixels.");
        assertThat(row(vm, "a").scores().values()).noneMatch(v -> v.isNaN());
    }

    @Test
    void resultsOfARegionTheViewHasLeftAreDropped() {
        List<Runnable> queued = new ArrayList<>();
        List<VariantScorer.ScoreSink> sinks = new ArrayList<>();
        VariantScorer slow = new VariantScorer() {
            @Override
            public List<MetricInfo> metrics() {
                return List.of(new MetricInfo("niqe", "NIQE", false, false, 3));
            }

            @Override
            public void score(ScoreTarget target, ScoreSink sink) {
                sinks.add(sink);
            }
        };
        ScoresViewModel vm = new ScoresViewModel(slow, queued::add, UiDispatcher.DIRECT);
        vm.show(variants(result("a.png")));
        queued.forEach(Runnable::run);
        queued.clear();
        sinks.clear();

        vm.setRegion(new VisibleRegion(0, 0, 10, 10, 20, 20));
        queued.remove(0).run(); // the first row of the first region starts scoring
        vm.setRegion(new VisibleRegion(10, 10, 10, 10, 20, 20));
        VariantScorer.ScoreSink stale = sinks.get(0);
        stale.accept("niqe", 99);

        assertThat(stale.cancelled()).isTrue();
        assertThat(vm.rows()).allMatch(r -> !r.scores().containsKey("niqe"));
        int started = sinks.size();
        queued.forEach(Runnable::run);
        // the other rows of the first region never reach the scorer; the second region's all do
        assertThat(sinks).hasSize(started + vm.rows().size());
        sinks.subList(started, sinks.size()).forEach(s -> s.accept("niqe", 7));
        assertThat(vm.rows()).allMatch(r -> r.scores().get("niqe") == 7.0);
    }
}
