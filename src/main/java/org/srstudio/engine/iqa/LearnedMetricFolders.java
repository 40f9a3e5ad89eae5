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
 * Finds exported learned metrics: every {@code <iqa folder>/<name>/iqa.json}. Only the manifests are read here.
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
            for (Path folder : subfolders(dir)) {
                if (!Files.isRegularFile(folder.resolve(LearnedMetricManifest.FILE_NAME))) {
                    continue;
                }
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

    private static List<Path> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", dir, e.getMessage());
            return List.of();
        }
    }
}
