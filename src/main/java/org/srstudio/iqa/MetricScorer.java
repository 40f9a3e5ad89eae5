package org.srstudio.iqa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.iqa.params.Availability;
import org.srstudio.iqa.params.IqaParameters;

/**
 * Computes one metric for one image synchronously, turning every expected failure into a result with a
 * sentence. NIQE and BRISQUE use round(255·Y) of YIQ as pyiqa does; PIQE the unrounded Y; learned metrics get
 * the RGB image as it is.
 */
public final class MetricScorer implements AutoCloseable {
    private final IqaParameters parameters;
    private final Map<Metric, LearnedScorer> learned = new LinkedHashMap<>();

    public MetricScorer(IqaParameters parameters) {
        this(parameters, List.of());
    }

    /** @param learned learned metrics offered beside the classical ones, with ids distinct from all others */
    public MetricScorer(IqaParameters parameters, List<? extends LearnedScorer> learned) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        for (LearnedScorer s : learned) {
            Metric m = s.metric();
            if (m.needsReference() || metrics().stream().anyMatch(known -> known.id().equals(m.id()))) {
                throw new IllegalArgumentException("The learned metric " + m.id()
                        + " needs a reference or has the id of another metric");
            }
            this.learned.put(m, s);
        }
    }

    public IqaParameters parameters() {
        return parameters;
    }

    /** Every metric this scorer can compute: the classical ones, then the learned ones. */
    public List<Metric> metrics() {
        List<Metric> all = new ArrayList<>(Metric.classical());
        all.addAll(learned.keySet());
        return all;
    }

    public List<Metric> learnedMetrics() {
        return List.copyOf(learned.keySet());
    }

    /** A metric by id, case-insensitively, classical or learned. */
    public Optional<Metric> byId(String id) {
        return metrics().stream().filter(m -> m.id().equalsIgnoreCase(id.strip())).findFirst();
    }

    /** What identifies the parameters a metric would use now, for cache keys; empty if it has none. */
    public String parameterKey(Metric metric, FrOptions options) {
        if (metric.equals(Metric.NIQE)) {
            return parameters.niqe().value().map(NiqeModel::fingerprint).orElse("missing");
        }
        if (metric.equals(Metric.BRISQUE)) {
            return parameters.brisque().value().map(BrisqueModel::fingerprint).orElse("missing");
        }
        if (metric.needsReference()) {
            return options.mode() + "/" + options.shave();
        }
        LearnedScorer s = learned.get(metric);
        return s == null ? "" : s.fingerprint();
    }

    /** Scores {@code image}; {@code reference} may be null for no-reference metrics. */
    public MetricResult score(Metric metric, FloatImage image, FloatImage reference, FrOptions options) {
        long t0 = System.nanoTime();
        try {
            if (metric.equals(Metric.NIQE)) {
                Availability<NiqeModel> m = parameters.niqe();
                if (!m.available()) {
                    return MetricResult.unavailable(metric, m.reason());
                }
                double v = Niqe.score(Luma.rounded255(image, Luma.Space.YIQ), m.value().get());
                return MetricResult.ok(metric, v, m.value().get().source(), System.nanoTime() - t0);
            }
            if (metric.equals(Metric.BRISQUE)) {
                Availability<BrisqueModel> m = parameters.brisque();
                if (!m.available()) {
                    return MetricResult.unavailable(metric, m.reason());
                }
                double v = Brisque.score(Luma.rounded255(image, Luma.Space.YIQ), m.value().get());
                return MetricResult.ok(metric, v, m.value().get().source(), System.nanoTime() - t0);
            }
            if (metric.equals(Metric.PIQE)) {
                double v = Piqe.score(Luma.unit(image, Luma.Space.YIQ));
                return MetricResult.ok(metric, v, "", System.nanoTime() - t0);
            }
            if (metric.equals(Metric.PSNR) || metric.equals(Metric.SSIM)) {
                if (reference == null) {
                    return MetricResult.unavailable(metric, metric.label() + " needs a reference image.");
                }
                double v = metric.equals(Metric.PSNR) ? FullReference.psnr(image, reference, options)
                        : FullReference.ssim(image, reference, options);
                return MetricResult.ok(metric, v, options.mode() + " shave " + options.shave(), System.nanoTime() - t0);
            }
            LearnedScorer s = learned.get(metric);
            if (s == null) {
                return MetricResult.unavailable(metric, "The metric " + metric.label() + " is not installed.");
            }
            return MetricResult.ok(metric, s.score(image), s.fingerprint(), System.nanoTime() - t0);
        } catch (StudioException e) {
            return MetricResult.failed(metric, e.getMessage(), System.nanoTime() - t0);
        }
    }

    /** Releases the learned metrics' models. */
    @Override
    public void close() {
        learned.values().forEach(LearnedScorer::close);
    }
}
