package org.srstudio.iqa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.image.FloatImage;
import org.srstudio.iqa.params.IqaParameters;

class ScoringServiceTest {
    @TempDir
    Path tmp;

    private static ScoringService service(IqaParameters p) {
        return new ScoringService(new MetricScorer(p), 2, 64);
    }

    @Test
    void eachMetricReachesTheListenerOnAScoringThread() throws Exception {
        List<MetricResult> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        FloatImage img = TestImages.textured(200, 150, 3, 1);
        FloatImage ref = TestImages.textured(200, 150, 3, 2);
        try (ScoringService s = service(new IqaParameters(tmp, List.of()))) {
            ScoreJob job = s.score(new ScoreRequest(img, Optional.of(ref), List.of(Metric.PIQE, Metric.PSNR, Metric.SSIM),
                    FrOptions.srProtocol(2)), r -> {
                        seen.add(r);
                        threads.add(Thread.currentThread().getName());
                    });
            List<MetricResult> all = job.all().get(30, TimeUnit.SECONDS);
            assertThat(all).extracting(MetricResult::metric).containsExactly(Metric.PIQE, Metric.PSNR, Metric.SSIM);
            assertThat(all).allMatch(MetricResult::ok);
            assertThat(seen).hasSize(3);
            assertThat(threads).allMatch(n -> n.startsWith("srstudio-iqa-"));
            assertThat(job.perMetric().get(Metric.SSIM).get().value())
                    .isEqualTo(FullReference.ssim(img, ref, FrOptions.srProtocol(2)));
        }
    }

    @Test
    void samePixelsAreServedFromTheCache() throws Exception {
        FloatImage img = TestImages.textured(128, 128, 3, 4);
        try (ScoringService s = service(new IqaParameters(tmp, List.of()))) {
            MetricResult first = s.score(ScoreRequest.of(img, List.of(Metric.PIQE)), ScoreListener.NONE).all().get().get(0);
            MetricResult again = s.score(ScoreRequest.of(img.copy(), List.of(Metric.PIQE)), ScoreListener.NONE).all().get().get(0);
            assertThat(again).isSameAs(first);
            FloatImage changed = img.copy();
            changed.set(0, 5, 5, 1f - changed.get(0, 5, 5));
            MetricResult other = s.score(ScoreRequest.of(changed, List.of(Metric.PIQE)), ScoreListener.NONE).all().get().get(0);
            assertThat(other).isNotSameAs(first);
            assertThat(s.cachedResults()).isEqualTo(2);
        }
    }

    @Test
    void regionScoreEqualsScoreOfTheCrop() throws Exception {
        FloatImage img = TestImages.textured(300, 200, 3, 6);
        try (ScoringService s = service(new IqaParameters(tmp, List.of()))) {
            MetricResult region = s.scoreRegion(ScoreRequest.of(img, List.of(Metric.PIQE)), new Region(40, 30, 400, 120),
                    ScoreListener.NONE).all().get().get(0);
            double crop = Piqe.score(Luma.unit(img.crop(40, 30, 260, 120), Luma.Space.YIQ));
            assertThat(region.value()).isEqualTo(crop);
            MetricResult outside = s.scoreRegion(ScoreRequest.of(img, List.of(Metric.PIQE)), new Region(400, 0, 10, 10),
                    ScoreListener.NONE).all().get().get(0);
            assertThat(outside.status()).isEqualTo(MetricResult.Status.FAILED);
            assertThat(outside.message()).contains("outside");
        }
    }

    @Test
    void missingParametersGiveUnavailableWithHowTo() throws Exception {
        try (ScoringService s = service(new IqaParameters(tmp, List.of()))) {
            List<MetricResult> r = s.score(ScoreRequest.of(TestImages.textured(200, 100, 3, 1), List.of(Metric.NIQE, Metric.BRISQUE)),
                    ScoreListener.NONE).all().get();
            assertThat(r).allMatch(x -> x.status() == MetricResult.Status.UNAVAILABLE);
            assertThat(r.get(0).message()).contains(tmp.toString());
            assertThat(r.get(1).message()).contains("allmodel");
        }
    }

    @Test
    void missingReferenceMakesPsnrUnavailable() throws Exception {
        try (ScoringService s = service(new IqaParameters(tmp, List.of()))) {
            MetricResult r = s.score(ScoreRequest.of(TestImages.textured(64, 64, 3, 1), List.of(Metric.PSNR)),
                    ScoreListener.NONE).all().get().get(0);
            assertThat(r.status()).isEqualTo(MetricResult.Status.UNAVAILABLE);
            assertThat(r.message()).isEqualTo("PSNR needs a reference image.");
        }
    }

    /** Ten times the mean of the red channel; counts its calls. */
    private static class MeanRed implements LearnedScorer {
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Metric metric() {
            return Metric.learned("mean-red", false);
        }

        @Override
        public String fingerprint() {
            return "v1";
        }

        @Override
        public double score(FloatImage image) throws org.srstudio.core.StudioException {
            calls.incrementAndGet();
            if (image.width() < 8) {
                throw new org.srstudio.core.StudioException("mean-red needs 8 pixels.");
            }
            double sum = 0;
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    sum += image.get(0, x, y);
                }
            }
            return 10 * sum / (image.width() * image.height());
        }
    }

    @Test
    void aLearnedMetricIsOfferedScoredAndCachedLikeTheOthers() throws Exception {
        MeanRed learned = new MeanRed();
        FloatImage img = TestImages.uniform(40, 30, 0.25f);
        try (ScoringService s = new ScoringService(new MetricScorer(new IqaParameters(tmp, List.of()), List.of(learned)), 2, 64)) {
            assertThat(s.scorer().metrics()).endsWith(learned.metric());
            assertThat(s.scorer().byId("MEAN-RED")).contains(learned.metric());
            MetricResult r = s.score(ScoreRequest.of(img, List.of(learned.metric())), ScoreListener.NONE).all().get().get(0);
            assertThat(r.value()).isCloseTo(2.5, org.assertj.core.api.Assertions.within(1e-6));
            s.score(ScoreRequest.of(img.copy(), List.of(learned.metric())), ScoreListener.NONE).all().get();
            assertThat(learned.calls).hasValue(1);
            MetricResult small = s.scoreRegion(ScoreRequest.of(img, List.of(learned.metric())), new Region(0, 0, 4, 4),
                    ScoreListener.NONE).all().get().get(0);
            assertThat(small.status()).isEqualTo(MetricResult.Status.FAILED);
            assertThat(small.message()).isEqualTo("mean-red needs 8 pixels.");
        }
    }

    @Test
    void aLearnedMetricMayNotTakeAClassicalName() {
        LearnedScorer impostor = new MeanRed() {
            @Override
            public Metric metric() {
                return Metric.learned("NIQE", true);
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new MetricScorer(new IqaParameters(tmp, List.of()), List.of(impostor)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("niqe");
    }
}
