package org.srstudio.engine.iqa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.srstudio.core.StudioException;
import org.srstudio.iqa.Metric;

/**
 * Finds exported learned metrics: every {@code <iqa folder>/<name>/iqa.json}, or one level deeper as
 * tools/export/export_iqa.py suggests ({@code models/iqa/learned/<name>/}). Only the manifests are read here.
 * A folder whose manifest is invalid, or whose metric has the name of a classical metric or of one found
 * earlier (the user's folder comes first), is skipped with a warning rather than stopping the studio.
 */
public final class LearnedMetricFolders {
    private static final Logger LOG = LoggerFactory.getLogger(LearnedMetricFolders.class);

    private LearnedMetricFolders() {
    }

    public static List<TorchScriptScorer> find(List<Path> iqaDirs) {
        List<TorchScriptScorer> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Metric.classical().forEach(m -> ids.add(m.id()));
        for (Path dir : iqaDirs) {
            for (Path folder : metricFolders(dir)) {
                try {
                    TorchScriptScorer scorer = new TorchScriptScorer(folder, LearnedMetricManifest.read(folder));
                    if (ids.add(scorer.metric().id())) {
                        found.add(scorer);
                    } else {
                        LOG.warn("The learned metric in {} is skipped: a metric named {} is already known.", folder,
                                scorer.metric().id());
                    }
                } catch (StudioException | IllegalArgumentException e) {
                    LOG.warn("The learned metric in {} is skipped: {}", folder, e.getMessage());
                }
            }
        }
        return found;
    }

    private static List<Path> metricFolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, 3)) {
            return s.filter(p -> p.getFileName().toString().equals(LearnedMetricManifest.FILE_NAME) && Files.isRegularFile(p))
                    .map(Path::getParent).filter(folder -> !folder.equals(dir)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("Cannot list {}: {}", dir, e.getMessage());
            return List.of();
        }
    }
}
