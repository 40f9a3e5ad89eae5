package org.srstudio.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.iqa.FrOptions;
import org.srstudio.iqa.Metric;
import org.srstudio.iqa.MetricResult;
import org.srstudio.iqa.ScoreRequest;
import org.srstudio.iqa.ScoringService;
import org.srstudio.ui.scores.MetricInfo;
import org.srstudio.ui.scores.ScoreTarget;
import org.srstudio.ui.scores.VariantScorer;

/**
 * The scores table's view of the IQA scoring service: no-reference metrics for every variant, PSNR/SSIM on the
 * BT.601 Y channel with {@code scale} pixels shaved (the SR papers' protocol) when a ground truth is attached.
 */
final class IqaVariantScorer implements VariantScorer {
    private static final List<Metric> NO_REFERENCE = List.of(Metric.NIQE, Metric.BRISQUE, Metric.PIQE);

    private final ScoringService service;
    private final ImageDecoder decoder;

    IqaVariantScorer(ScoringService service, ImageDecoder decoder) {
        this.service = service;
        this.decoder = decoder;
    }

    @Override
    public List<MetricInfo> metrics() {
        List<MetricInfo> infos = new ArrayList<>();
        for (Metric m : Metric.values()) {
            infos.add(new MetricInfo(m.id(), m.label(), !m.lowerIsBetter(), m.needsReference(), m == Metric.PSNR ? 2 : 3));
        }
        return infos;
    }

    @Override
    public void score(ScoreTarget target, ScoreSink sink) throws StudioException {
        FloatImage image = decoder.decode(target.image()).color();
        Optional<FloatImage> reference = target.reference().isPresent()
                ? Optional.of(decoder.decode(target.reference().get()).color()) : Optional.empty();
        List<Metric> metrics = new ArrayList<>(NO_REFERENCE);
        FrOptions options = FrOptions.defaults();
        if (reference.isPresent()) {
            metrics.add(Metric.PSNR);
            metrics.add(Metric.SSIM);
            int inputWidth = decoder.probe(target.input()).width();
            options = FrOptions.srProtocol(Math.max(1, image.width() / Math.max(1, inputWidth)));
        }
        var job = service.score(new ScoreRequest(image, reference, metrics, options), result -> report(result, sink));
        try {
            job.all().get();
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new StudioException("Scoring " + target.image().getFileName() + " failed: " + e.getCause().getMessage(), e);
        }
    }

    private static void report(MetricResult result, ScoreSink sink) {
        if (result.ok()) {
            sink.accept(result.metric().id(), result.value());
        }
    }
}
