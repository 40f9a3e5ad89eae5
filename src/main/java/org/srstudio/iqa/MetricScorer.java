package org.srstudio.iqa;

import java.util.Objects;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.iqa.params.Availability;
import org.srstudio.iqa.params.IqaParameters;

/**
 * Computes one metric for one image synchronously, turning every expected failure into a result with a
 * sentence. NIQE and BRISQUE use round(255·Y) of YIQ as pyiqa does; PIQE the unrounded Y.
 */
public final class MetricScorer {
    private final IqaParameters parameters;

    public MetricScorer(IqaParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public IqaParameters parameters() {
        return parameters;
    }

    /** What identifies the parameters a metric would use now, for cache keys; empty if it has none. */
    public String parameterKey(Metric metric, FrOptions options) {
        return switch (metric) {
            case NIQE -> parameters.niqe().value().map(NiqeModel::fingerprint).orElse("missing");
            case BRISQUE -> parameters.brisque().value().map(BrisqueModel::fingerprint).orElse("missing");
            case PIQE -> "";
            case PSNR, SSIM -> options.mode() + "/" + options.shave();
        };
    }

    /** Scores {@code image}; {@code reference} may be null for no-reference metrics. */
    public MetricResult score(Metric metric, FloatImage image, FloatImage reference, FrOptions options) {
        long t0 = System.nanoTime();
        try {
            switch (metric) {
                case NIQE -> {
                    Availability<NiqeModel> m = parameters.niqe();
                    if (!m.available()) {
                        return MetricResult.unavailable(metric, m.reason());
                    }
                    double v = Niqe.score(Luma.rounded255(image, Luma.Space.YIQ), m.value().get());
                    return MetricResult.ok(metric, v, m.value().get().source(), System.nanoTime() - t0);
                }
                case BRISQUE -> {
                    Availability<BrisqueModel> m = parameters.brisque();
                    if (!m.available()) {
                        return MetricResult.unavailable(metric, m.reason());
                    }
                    double v = Brisque.score(Luma.rounded255(image, Luma.Space.YIQ), m.value().get());
                    return MetricResult.ok(metric, v, m.value().get().source(), System.nanoTime() - t0);
                }
                case PIQE -> {
                    double v = Piqe.score(Luma.unit(image, Luma.Space.YIQ));
                    return MetricResult.ok(metric, v, "", System.nanoTime() - t0);
                }
                case PSNR, SSIM -> {
                    if (reference == null) {
                        return MetricResult.unavailable(metric, metric.label() + " needs a reference image.");
                    }
                    double v = metric == Metric.PSNR ? FullReference.psnr(image, reference, options)
                            : FullReference.ssim(image, reference, options);
                    return MetricResult.ok(metric, v, options.mode() + " shave " + options.shave(), System.nanoTime() - t0);
                }
                default -> throw new IllegalStateException("unknown metric " + metric);
            }
        } catch (StudioException e) {
            return MetricResult.failed(metric, e.getMessage(), System.nanoTime() - t0);
        }
    }
}
