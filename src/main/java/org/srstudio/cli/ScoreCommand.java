package org.srstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.iqa.FrOptions;
import org.srstudio.iqa.Metric;
import org.srstudio.iqa.MetricResult;
import org.srstudio.iqa.MetricScorer;
import org.srstudio.iqa.ScoreListener;
import org.srstudio.iqa.ScoreRequest;
import org.srstudio.iqa.ScoringService;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.iqa.params.IqaParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code score}: image-quality scores of image files. Without {@code --metrics} it computes every no-reference
 * metric whose parameters are present and every learned metric installed, plus PSNR and SSIM when a reference
 * is given.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score images with NIQE, BRISQUE, PIQE (no reference) and PSNR, SSIM (against --reference).")
final class ScoreCommand implements Callable<Integer> {
    /** Output layouts. */
    enum Format { text, csv, json }

    /** Sample spaces for PSNR/SSIM. */
    enum Color { y, yiq, rgb }

    @Spec
    CommandSpec spec;

    @Option(names = "--metrics", split = ",", paramLabel = "METRIC",
            description = "Comma-separated: niqe, brisque, piqe, psnr, ssim, or a learned metric's name "
                    + "(a folder models/iqa/<name>/iqa.json).")
    List<String> metrics;

    @Option(names = {"--reference", "-r"}, paramLabel = "GT",
            description = "Ground truth for PSNR/SSIM: one image, or a folder holding images of the same file names.")
    Path reference;

    @Option(names = "--format", defaultValue = "text", description = "text, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"--shave", "--crop"}, paramLabel = "PIXELS",
            description = "Pixels removed on each border before PSNR/SSIM (default: the --scale value, else 0).")
    Integer shave;

    @Option(names = "--scale", paramLabel = "N", description = "Upscale factor; PSNR/SSIM then shave N pixels, as SR papers do.")
    Integer scale;

    @Option(names = "--color", defaultValue = "y",
            description = "PSNR/SSIM samples: y (BT.601 luma, SR papers), yiq (pyiqa psnry/ssim), rgb (pyiqa psnr). Default: ${DEFAULT-VALUE}.")
    Color color;

    @Option(names = "--params", paramLabel = "DIR", description = "Folder with NIQE/BRISQUE parameter files (default: models/iqa).")
    Path paramsDir;

    @Parameters(arity = "1..*", paramLabel = "IMAGES", description = "Images to score.")
    List<Path> images;

    private final ServicesFactory servicesFactory;

    ScoreCommand(ServicesFactory servicesFactory) {
        this.servicesFactory = servicesFactory;
    }

    /** A {@link StudioException} becomes the root command's one-sentence error and exit code 1. */
    @Override
    public Integer call() throws StudioException {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private int run(PrintWriter out, PrintWriter err) throws StudioException {
        ImageDecoder decoder;
        MetricScorer scorer;
        try (StudioServices services = servicesFactory.create(ImageDecoder.DEFAULT_MAX_PIXELS)) {
            decoder = services.decoder();
            IqaParameters params = paramsDir != null ? IqaParameters.standard(paramsDir)
                    : IqaParameters.forModelDirs(services.registry().modelDirs());
            List<Path> iqaDirs = paramsDir != null ? List.of(paramsDir) : IqaParameters.folders(services.registry().modelDirs());
            scorer = new MetricScorer(params, servicesFactory.learnedMetrics(iqaDirs));
        }
        FrOptions options = frOptions();
        List<Metric> wanted = chosenMetrics(scorer);
        if (reference != null && !Files.exists(reference)) {
            throw new StudioException("The reference " + reference + " does not exist.");
        }
        for (Path p : images) {
            if (!Files.isRegularFile(p)) {
                throw new StudioException("The image " + p + " does not exist.");
            }
        }
        List<Row> rows = new ArrayList<>();
        boolean allScored = true;
        Set<String> said = new LinkedHashSet<>();
        try (ScoringService service = ScoringService.create(scorer)) {
            for (Path p : images) {
                FloatImage img = decoder.decode(p).color();
                Optional<FloatImage> ref = Optional.empty();
                if (reference != null && wanted.stream().anyMatch(Metric::needsReference)) {
                    Path gt = Files.isDirectory(reference) ? reference.resolve(p.getFileName()) : reference;
                    ref = Optional.of(decoder.decode(gt).color());
                }
                List<MetricResult> results;
                try {
                    results = service.score(new ScoreRequest(img, ref, wanted, options), ScoreListener.NONE).all().join();
                } catch (CompletionException e) {
                    throw new StudioException("Scoring " + p.getFileName() + " failed: " + e.getCause().getMessage(), e);
                }
                for (MetricResult r : results) {
                    if (!r.ok()) {
                        allScored = false;
                        String line = r.status() == MetricResult.Status.UNAVAILABLE ? r.message()
                                : p.getFileName() + ": " + r.message();
                        if (said.add(line)) {
                            err.println(line);
                        }
                    }
                }
                rows.add(new Row(p, results));
            }
        }
        switch (format) {
            case text -> printText(out, wanted, rows);
            case csv -> printCsv(out, wanted, rows);
            case json -> printJson(out, rows, options);
            default -> throw new IllegalStateException();
        }
        out.flush();
        err.flush();
        return allScored ? 0 : 1;
    }

    private record Row(Path image, List<MetricResult> results) {
    }

    private FrOptions frOptions() throws StudioException {
        if (shave != null && shave < 0 || scale != null && scale < 1) {
            throw new StudioException("--shave must be 0 or more and --scale 1 or more.");
        }
        int s = shave != null ? shave : scale != null ? scale : 0;
        FrOptions.Mode mode = switch (color) {
            case y -> FrOptions.Mode.Y_BT601;
            case yiq -> FrOptions.Mode.Y_YIQ;
            case rgb -> FrOptions.Mode.RGB;
        };
        return new FrOptions(mode, s);
    }

    private List<Metric> chosenMetrics(MetricScorer scorer) throws StudioException {
        IqaParameters params = scorer.parameters();
        List<Metric> out = new ArrayList<>();
        if (metrics == null || metrics.isEmpty()) {
            if (params.niqe().available()) {
                out.add(Metric.NIQE);
            }
            if (params.brisque().available()) {
                out.add(Metric.BRISQUE);
            }
            out.add(Metric.PIQE);
            out.addAll(scorer.learnedMetrics());
            if (reference != null) {
                out.add(Metric.PSNR);
                out.add(Metric.SSIM);
            }
            return out;
        }
        for (String name : metrics) {
            Metric m = scorer.byId(name).orElseThrow(() -> new StudioException("Unknown metric \"" + name
                    + "\"; choose from " + String.join(", ", scorer.metrics().stream().map(Metric::id).toList()) + "."));
            if (m.needsReference() && reference == null) {
                throw new StudioException(m.label() + " needs a ground-truth image: add --reference GT.");
            }
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    private static String value(MetricResult r) {
        if (!r.ok()) {
            return "n/a";
        }
        if (Double.isInfinite(r.value())) {
            return "inf";
        }
        return String.format(Locale.ROOT, r.metric().equals(Metric.SSIM) ? "%.6f" : "%.4f", r.value());
    }

    private static void printText(PrintWriter out, List<Metric> wanted, List<Row> rows) {
        int nameWidth = Math.max(5, rows.stream().mapToInt(r -> r.image().getFileName().toString().length()).max().orElse(5));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", "image"));
        for (Metric m : wanted) {
            head.append(String.format(Locale.ROOT, "  %12s", m.label() + (m.lowerIsBetter() ? " ↓" : " ↑")));
        }
        out.println(head);
        for (Row r : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", r.image().getFileName()));
            for (MetricResult res : r.results()) {
                line.append(String.format(Locale.ROOT, "  %12s", value(res)));
            }
            out.println(line);
        }
    }

    private static void printCsv(PrintWriter out, List<Metric> wanted, List<Row> rows) {
        StringBuilder head = new StringBuilder("image");
        wanted.forEach(m -> head.append(',').append(m.id()));
        out.println(head);
        for (Row r : rows) {
            StringBuilder line = new StringBuilder(csvField(r.image().toString()));
            for (MetricResult res : r.results()) {
                line.append(',').append(res.ok() ? value(res) : "");
            }
            out.println(line);
        }
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void printJson(PrintWriter out, List<Row> rows, FrOptions options) throws StudioException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode arr = json.createArrayNode();
        for (Row r : rows) {
            ObjectNode o = arr.addObject();
            o.put("image", r.image().toString());
            ObjectNode scores = o.putObject("scores");
            ObjectNode errors = json.createObjectNode();
            for (MetricResult res : r.results()) {
                if (res.ok()) {
                    ObjectNode s = scores.putObject(res.metric().id());
                    if (Double.isInfinite(res.value())) {
                        s.put("value", "Infinity");
                    } else {
                        s.put("value", res.value());
                    }
                    s.put("better", res.metric().lowerIsBetter() ? "lower" : "higher");
                    if (!res.parameters().isEmpty()) {
                        s.put("parameters", res.parameters());
                    }
                } else {
                    errors.put(res.metric().id(), res.message());
                }
            }
            if (!errors.isEmpty()) {
                o.set("errors", errors);
            }
        }
        try {
            out.println(json.writeValueAsString(arr));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StudioException("The scores could not be written as JSON.", e);
        }
    }
}
