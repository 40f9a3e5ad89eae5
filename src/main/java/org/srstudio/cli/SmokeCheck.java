package org.srstudio.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.srstudio.core.FileTrees;
import org.srstudio.core.StudioException;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.DecodedImage;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.job.JobEvent;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.job.OutputSettings;
import org.srstudio.core.job.UpscaleRequest;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.iqa.Metric;
import org.srstudio.iqa.MetricResult;
import org.srstudio.iqa.MetricScorer;
import org.srstudio.iqa.ScoreListener;
import org.srstudio.iqa.ScoreRequest;
import org.srstudio.iqa.ScoringService;
import org.srstudio.iqa.params.IqaParameters;

/**
 * {@code srstudio --smoke}: proves an installation works end to end, offline — the default neural model loads,
 * upscales a built-in sample through the job executor, and the result is scored.
 */
final class SmokeCheck {
    static final String DEFAULT_MODEL = "realesrgan-x4fast";
    private static final String SAMPLE = "/org/srstudio/app/sample.png";

    private SmokeCheck() {
    }

    static int run(ServicesFactory servicesFactory, PrintWriter out, PrintWriter err) throws Exception {
        Path work = Files.createTempDirectory("srstudio-smoke");
        try (StudioServices services = servicesFactory.create(ImageDecoder.DEFAULT_MAX_PIXELS)) {
            ModelEntry model = services.registry().find(DEFAULT_MODEL)
                    .orElseThrow(() -> new StudioException("The default model " + DEFAULT_MODEL + " is unknown."));
            if (!model.isRunnable()) {
                throw new StudioException("The default model " + DEFAULT_MODEL + " cannot run: " + model.note());
            }
            Path sample = work.resolve("sample.png");
            try (InputStream in = SmokeCheck.class.getResourceAsStream(SAMPLE)) {
                if (in == null) {
                    throw new StudioException("The built-in sample image is missing from this build.");
                }
                Files.copy(in, sample);
            }
            JobEvent outcome = services.executor().submit(new UpscaleRequest(sample, DEFAULT_MODEL, 4,
                    ModelParameters.DEFAULTS, OutputSettings.toFolder(work.resolve("out")))).outcome().get();
            if (outcome instanceof JobEvent.Failed failed) {
                throw new StudioException(failed.message());
            }
            if (!(outcome instanceof JobEvent.Finished finished)) {
                throw new StudioException("The smoke upscale was cancelled.");
            }
            Path result = finished.result().writtenFile().orElseThrow();
            DecodedImage upscaled = services.decoder().decode(result);
            if (upscaled.width() != 4 * 96 || upscaled.height() != 4 * 96) {
                throw new StudioException("The smoke upscale made a " + upscaled.width() + "x" + upscaled.height()
                        + " image instead of 384x384.");
            }
            StringBuilder scores = new StringBuilder();
            try (ScoringService scoring = ScoringService.create(new MetricScorer(
                    IqaParameters.forModelDirs(services.registry().modelDirs())))) {
                List<MetricResult> results = scoring.score(ScoreRequest.of(upscaled.color(),
                        List.of(Metric.PIQE, Metric.NIQE, Metric.BRISQUE)), ScoreListener.NONE).all().get();
                for (MetricResult r : results) {
                    scores.append(r.ok() ? String.format(Locale.ROOT, " %s %.2f;", r.metric().label(), r.value())
                            : " " + r.metric().label() + " unavailable;");
                }
                if (results.stream().noneMatch(MetricResult::ok)) {
                    throw new StudioException("No quality metric could score the smoke result.");
                }
            }
            out.printf(Locale.ROOT, "SR Studio smoke check passed: %s on %s, 96x96 -> %dx%d in %d ms;%s%n",
                    DEFAULT_MODEL, finished.result().provenance().device(), upscaled.width(), upscaled.height(),
                    finished.result().provenance().runMillis(), scores);
            out.flush();
            return 0;
        } finally {
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
