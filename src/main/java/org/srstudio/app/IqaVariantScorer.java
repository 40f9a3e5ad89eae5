package org.srstudio.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.iqa.FrOptions;
import org.srstudio.iqa.Metric;
import org.srstudio.iqa.MetricResult;
import org.srstudio.iqa.Region;
import org.srstudio.iqa.ScoreJob;
import org.srstudio.iqa.ScoreRequest;
import org.srstudio.iqa.ScoringService;
import org.srstudio.ui.compare.PixelRegion;
import org.srstudio.ui.scores.MetricInfo;
import org.srstudio.ui.scores.ScoreTarget;
import org.srstudio.ui.scores.VariantScorer;

/**
 * The scores table's view of the IQA scoring service: no-reference metrics (classical and learned) for every
 * variant, PSNR/SSIM on the BT.601 Y channel with {@code scale} pixels shaved (the SR papers' protocol) when a
 * ground truth of the variant's size is attached. A target's region is scored through the service's region
 * scoring, which crops the ground truth alike.
 */
final class IqaVariantScorer implements VariantScorer {
    /** How often a waiting scorer looks whether its scores are still wanted. */
    private static final long POLL_MILLIS = 25;

    private final ScoringService service;
    private final ImageDecoder decoder;

    IqaVariantScorer(ScoringService service, ImageDecoder decoder) {
        this.service = service;
        this.decoder = decoder;
    }

    @Override
    public List<MetricInfo> metrics() {
        List<MetricInfo> infos = new ArrayList<>();
        for (Metric m : service.scorer().metrics()) {
            infos.add(new MetricInfo(m.id(), m.label(), !m.lowerIsBetter(), m.needsReference(),
                    m.equals(Metric.PSNR) ? 2 : 3));
        }
        return infos;
    }

    @Override
    public void score(ScoreTarget target, ScoreSink sink) throws StudioException {
        FloatImage image = decoder.decode(target.image()).color();
        Optional<FloatImage> reference = target.reference().isPresent()
                ? Optional.of(decoder.decode(target.reference().get()).color()) : Optional.empty();
        // A reference of another size (the ground truth of a small input) has nothing to compare pixel by pixel.
        reference = reference.filter(r -> r.width() == image.width() && r.height() == image.height());
        List<Metric> metrics = new ArrayList<>(service.scorer().metrics().stream().filter(m -> !m.needsReference()).toList());
        FrOptions options = FrOptions.defaults();
        if (reference.isPresent()) {
            metrics.add(Metric.PSNR);
            metrics.add(Metric.SSIM);
            int inputWidth = decoder.probe(target.input()).width();
            options = FrOptions.srProtocol(Math.max(1, image.width() / Math.max(1, inputWidth)));
        }
        ScoreRequest request = new ScoreRequest(image, reference, metrics, options);
        ScoreJob job = target.region().isPresent()
                ? service.scoreRegion(request, region(target.region().get()), result -> report(result, sink))
                : service.score(request, result -> report(result, sink));
        try {
            while (!job.all().isDone()) {
                if (sink.cancelled()) {
                    job.cancel();
                    return;
                }
                try {
                    job.all().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // look again whether the scores are still wanted
                }
            }
            job.all().get();
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new StudioException("Scoring " + target.image().getFileName() + " failed: " + e.getCause().getMessage(), e);
        }
    }

    private static Region region(PixelRegion r) {
        return new Region(r.x(), r.y(), r.width(), r.height());
    }

    private static void report(MetricResult result, ScoreSink sink) {
        if (result.ok()) {
            sink.accept(result.metric().id(), result.value());
        } else {
            sink.reject(result.metric().id(), result.message());
        }
    }
}
