package org.srstudio.engine.iqa;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.srstudio.core.StudioException;

/**
 * The {@code iqa.json} beside an exported TorchScript quality model (written by tools/export/export_iqa.py):
 * which file, how to normalise the RGB [0, 1] input, which patches to feed, and how to read the output.
 *
 * @param metric  short name shown in score tables, e.g. "musiq"
 * @param file    the TorchScript file in the same folder
 * @param mean    per-channel mean subtracted from RGB in [0, 1] (the exporter may fold normalisation into the model
 *                and write 0)
 * @param std     per-channel divisor
 * @param patches "whole" (the image as it is), "center" (one centred size × size crop) or "grid" (count crops of
 *                size × size on a uniform grid, as pyiqa's MANIQA/LIQE), scores averaged
 * @param size    patch side for "center"/"grid"; also the smallest side accepted
 * @param count   number of grid patches
 * @param better  "higher" or "lower"
 * @param range   the rough score range [min, max] for display
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearnedMetricManifest(String metric, String file, List<Double> mean, List<Double> std, String patches,
                                    int size, int count, String better, List<Double> range) {
    public static final String FILE_NAME = "iqa.json";

    public LearnedMetricManifest {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("The manifest must name its metric");
        }
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("The manifest of " + metric + " must name its TorchScript file");
        }
        mean = mean == null ? List.of(0.0, 0.0, 0.0) : List.copyOf(mean);
        std = std == null ? List.of(1.0, 1.0, 1.0) : List.copyOf(std);
        if (mean.size() != 3 || std.size() != 3 || std.stream().anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("The manifest of " + metric + " needs three means and three positive stds");
        }
        patches = patches == null ? "whole" : patches;
        if (!List.of("whole", "center", "grid").contains(patches)) {
            throw new IllegalArgumentException("The manifest of " + metric + " has patches '" + patches
                    + "'; use whole, center or grid");
        }
        if (!patches.equals("whole") && size < 1) {
            throw new IllegalArgumentException("The manifest of " + metric + " needs a patch size");
        }
        count = patches.equals("grid") ? Math.max(1, count) : 1;
        better = better == null ? "higher" : better;
        if (!better.equals("higher") && !better.equals("lower")) {
            throw new IllegalArgumentException("The manifest of " + metric + " says better is '" + better + "'; use higher or lower");
        }
        range = range == null ? List.of() : List.copyOf(range);
    }

    public boolean lowerIsBetter() {
        return better.equals("lower");
    }

    public static LearnedMetricManifest read(Path folder) throws StudioException {
        Path f = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) {
            throw new StudioException("The folder " + folder + " has no " + FILE_NAME + "; export the metric with tools/export/export_iqa.py.");
        }
        try {
            return new ObjectMapper().readValue(f.toFile(), LearnedMetricManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new StudioException("The learned-metric manifest " + f + " is invalid: " + cause.getMessage() + ".", e);
        }
    }
}
