package org.srstudio.engine.iqa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.iqa.LearnedScorer;
import org.srstudio.iqa.Metric;

/**
 * A learned-metric folder offered to the scoring service. The TorchScript model is loaded on the first score,
 * not when the folder is found, so that starting the studio never waits for the PyTorch engine; calls are
 * serialised because {@link LearnedMetric} is not thread-safe.
 */
public final class TorchScriptScorer implements LearnedScorer {
    private final Path folder;
    private final Metric metric;
    private final String fingerprint;
    private LearnedMetric loaded;

    TorchScriptScorer(Path folder, LearnedMetricManifest manifest) {
        this.folder = folder;
        this.metric = Metric.learned(manifest.metric(), manifest.lowerIsBetter());
        this.fingerprint = fingerprint(folder.resolve(manifest.file()));
    }

    @Override
    public Metric metric() {
        return metric;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public synchronized double score(FloatImage image) throws StudioException {
        if (loaded == null) {
            loaded = LearnedMetric.load(folder);
        }
        return loaded.score(image);
    }

    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }

    /** The model file's path, size and time: a changed export is a different model for the score cache. */
    private static String fingerprint(Path file) {
        try {
            return file.toAbsolutePath() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return file.toAbsolutePath() + " missing";
        }
    }

    @Override
    public String toString() {
        return metric.label() + " (" + folder + ")";
    }
}
