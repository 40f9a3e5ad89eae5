package org.srstudio.iqa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.srstudio.core.image.FloatImage;

/**
 * Scores images asynchronously on its own small CPU pool, apart from the inference executor so that a table of
 * scores never waits behind an upscale. Each metric reports to the listener as soon as it is done; results are
 * cached by the SHA-256 of the pixels (and of the reference), the metric and its parameters, so re-opening a
 * variant or panning back to a region costs nothing. The pool is a {@link ForkJoinPool}, so the metrics' own
 * parallel loops run on the same threads.
 */
public final class ScoringService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringService.class);

    private final MetricScorer scorer;
    private final ForkJoinPool pool;
    private final Map<String, MetricResult> cache;

    public ScoringService(MetricScorer scorer, int threads, int cacheEntries) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        if (threads < 1 || cacheEntries < 0) {
            throw new IllegalArgumentException("Need at least one thread and a non-negative cache size");
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = new ForkJoinPool(threads, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("srstudio-iqa-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, null, false);
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MetricResult> eldest) {
                return size() > cacheEntries;
            }
        });
    }

    /** Two threads at most: scoring must leave cores to the UI and to inference. */
    public static ScoringService create(MetricScorer scorer) {
        return new ScoringService(scorer, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), 512);
    }

    public MetricScorer scorer() {
        return scorer;
    }

    public ScoreJob score(ScoreRequest request, ScoreListener listener) {
        return submit(request, Optional.empty(), listener);
    }

    /**
     * Scores only {@code region} of the image (and of the reference), e.g. what the compare view shows. The
     * region is clipped to the image; a region outside it gives failed results.
     */
    public ScoreJob scoreRegion(ScoreRequest request, Region region, ScoreListener listener) {
        return submit(request, Optional.of(region), listener);
    }

    public int cachedResults() {
        return cache.size();
    }

    private ScoreJob submit(ScoreRequest request, Optional<Region> region, ScoreListener listener) {
        Objects.requireNonNull(listener, "listener");
        Map<Metric, CompletableFuture<MetricResult>> futures = new LinkedHashMap<>();
        for (Metric m : request.metrics()) {
            futures.put(m, new CompletableFuture<>());
        }
        List<CompletableFuture<MetricResult>> list = new ArrayList<>(futures.values());
        CompletableFuture<List<MetricResult>> all = CompletableFuture.allOf(list.toArray(CompletableFuture[]::new))
                .thenApply(v -> list.stream().map(CompletableFuture::join).toList());
        ScoreJob job = new ScoreJob(futures, all);
        pool.execute(() -> prepare(request, region, futures, listener));
        return job;
    }

    private void prepare(ScoreRequest request, Optional<Region> region, Map<Metric, CompletableFuture<MetricResult>> futures,
                         ScoreListener listener) {
        if (futures.values().stream().allMatch(CompletableFuture::isDone)) {
            return;
        }
        FloatImage image = request.image();
        FloatImage reference = request.reference().orElse(null);
        if (region.isPresent()) {
            Optional<Region> r = region.get().clipTo(image.width(), image.height());
            if (r.isEmpty()) {
                String sentence = "The region to score lies outside the " + image.width() + "x" + image.height() + " image.";
                futures.forEach((m, f) -> complete(f, MetricResult.failed(m, sentence, 0), listener));
                return;
            }
            Region c = r.get();
            image = image.crop(c.x(), c.y(), c.width(), c.height());
            if (reference != null && reference.width() == request.image().width()
                    && reference.height() == request.image().height()) {
                reference = reference.crop(c.x(), c.y(), c.width(), c.height());
            }
        }
        String imageHash = ContentHash.of(image);
        String refHash = reference == null ? "-" : ContentHash.of(reference);
        FloatImage img = image;
        FloatImage ref = reference;
        futures.forEach((metric, future) -> {
            String key = imageHash + "|" + (metric.needsReference() ? refHash : "-") + "|" + metric.id() + "|"
                    + scorer.parameterKey(metric, request.options());
            MetricResult hit = cache.get(key);
            if (hit != null) {
                complete(future, hit, listener);
                return;
            }
            pool.execute(() -> {
                if (future.isDone()) {
                    return;
                }
                MetricResult r;
                try {
                    r = scorer.score(metric, img, metric.needsReference() ? ref : null, request.options());
                } catch (RuntimeException e) {
                    LOG.warn("{} failed unexpectedly", metric.label(), e);
                    r = MetricResult.failed(metric, metric.label() + " failed unexpectedly: " + e.getMessage(), 0);
                }
                if (r.status() != MetricResult.Status.UNAVAILABLE) {
                    cache.put(key, r);
                }
                complete(future, r, listener);
            });
        });
    }

    /**
     * Tells the listener before completing the future, so that whoever waits on a job's futures has seen every
     * listener call once they complete. A future already done (cancelled) is not reported again.
     */
    private static void complete(CompletableFuture<MetricResult> f, MetricResult r, ScoreListener listener) {
        if (f.isDone()) {
            return;
        }
        try {
            listener.onResult(r);
        } catch (RuntimeException e) {
            LOG.warn("A score listener failed", e);
        }
        f.complete(r);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scorer.close();
    }
}
