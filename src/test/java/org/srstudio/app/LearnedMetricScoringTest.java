package org.srstudio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.iqa.Metric;
import org.srstudio.iqa.MetricResult;
import org.srstudio.iqa.ScoreRequest;
import org.srstudio.iqa.ScoringService;
import org.srstudio.testing.LearnedMetricFixture;
import org.srstudio.ui.common.UiDispatcher;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.compare.VariantKind;
import org.srstudio.ui.compare.VisibleRegion;
import org.srstudio.ui.scores.MetricInfo;
import org.srstudio.ui.scores.ScoreRowViewModel;
import org.srstudio.ui.scores.ScoresViewModel;

/** A learned metric exported into models/iqa/ reaches the scoring service and the scores table (tiny fixture). */
class LearnedMetricScoringTest {
    private static final Metric TINY = Metric.learned(LearnedMetricFixture.NAME, false);

    @TempDir
    Path tmp;

    private ScoringService installedScoring() throws Exception {
        LearnedMetricFixture.installInto(tmp.resolve("models"));
        return Studio.scoring(new StudioPaths(tmp.resolve("models"), tmp.resolve("data")));
    }

    @Test
    void theServiceOffersTheFoldersMetricAndScoresItOnTheScoringPool() throws Exception {
        Path png = LearnedMetricFixture.uniformPng(tmp.resolve("gray.png"), 64, 48, 51, 102, 153);
        try (ScoringService service = installedScoring()) {
            assertThat(service.scorer().learnedMetrics()).containsExactly(TINY);
            List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
            ScoreRequest request = ScoreRequest.of(new ImageDecoder().decode(png).color(), List.of(TINY));
            MetricResult r = service.score(request, x -> threads.add(Thread.currentThread().getName()))
                    .all().get(60, TimeUnit.SECONDS).get(0);
            assertThat(r.ok()).as(r.message()).isTrue();
            assertThat(r.value()).isCloseTo(10 * (51 + 102 + 153) / (3 * 255.0), within(1e-4));
            assertThat(threads).allMatch(n -> n.startsWith("srstudio-iqa-"));
            MetricResult again = service.score(request, x -> { }).all().get(60, TimeUnit.SECONDS).get(0);
            assertThat(again).isSameAs(r);
        }
    }

    @Test
    void theExportersLearnedSubfolderIsSearchedToo() throws Exception {
        Path folder = LearnedMetricFixture.installInto(tmp.resolve("models"));
        java.nio.file.Files.createDirectories(folder.resolveSibling("learned"));
        java.nio.file.Files.move(folder, folder.resolveSibling("learned").resolve("tiny"));
        try (ScoringService service = Studio.scoring(new StudioPaths(tmp.resolve("models"), tmp.resolve("data")))) {
            assertThat(service.scorer().learnedMetrics()).containsExactly(TINY);
        }
    }

    @Test
    void aLearnedMetricNamedLikeAClassicalOneIsSkipped() throws Exception {
        Path folder = LearnedMetricFixture.installInto(tmp.resolve("models"));
        java.nio.file.Files.writeString(folder.resolve("iqa.json"), "{\"metric\": \"niqe\", \"file\": \"model.pt\"}");
        try (ScoringService service = Studio.scoring(new StudioPaths(tmp.resolve("models"), tmp.resolve("data")))) {
            assertThat(service.scorer().learnedMetrics()).isEmpty();
            assertThat(service.scorer().metrics()).containsExactlyElementsOf(Metric.classical());
        }
    }

    @Test
    void theScoresTableHasItsColumnScoresEveryVariantAndHighlightsTheHighest() throws Exception {
        Path input = LearnedMetricFixture.uniformPng(tmp.resolve("in.png"), 64, 64, 51, 102, 153);
        Path result = LearnedMetricFixture.blackThenWhitePng(tmp.resolve("x2.png"), 128, 128);
        try (ScoringService service = installedScoring()) {
            ScoresViewModel vm = new ScoresViewModel(new IqaVariantScorer(service, new ImageDecoder()), Runnable::run,
                    UiDispatcher.DIRECT);
            assertThat(vm.metrics()).contains(new MetricInfo(LearnedMetricFixture.NAME, LearnedMetricFixture.NAME,
                    true, false, 3));
            Variant x2 = new Variant(result.toString(), "x2", VariantKind.MODEL, result, 128, 128, "m", Optional.empty());
            vm.show(List.of(Variant.baseline(input, 64, 64, VariantKind.INPUT_NEAREST), x2));
            ScoreRowViewModel inputRow = vm.rows().get(0);
            ScoreRowViewModel resultRow = vm.rows().get(1);
            assertThat(inputRow.scores().get(LearnedMetricFixture.NAME)).isCloseTo(4.0, within(1e-4));
            assertThat(resultRow.scores().get(LearnedMetricFixture.NAME)).isBetween(0.0, 10.0);

            // the right half: still the uniform colour in the input, all white in the result
            vm.setRegion(new VisibleRegion(64, 0, 64, 128, 128, 128));
            assertThat(inputRow.scores().get(LearnedMetricFixture.NAME)).isCloseTo(4.0, within(1e-4));
            assertThat(resultRow.scores().get(LearnedMetricFixture.NAME)).isCloseTo(10.0, within(1e-4));
            assertThat(vm.isBest(LearnedMetricFixture.NAME, resultRow)).isTrue();

            vm.setRegion(new VisibleRegion(0, 0, 40, 40, 128, 128));
            assertThat(inputRow.scores()).doesNotContainKey(LearnedMetricFixture.NAME);
            assertThat(inputRow.notes().get(LearnedMetricFixture.NAME))
                    .isEqualTo("The learned metric tiny-mean needs an image of at least 32x32 pixels, got 20x20.");
        }
    }
}
