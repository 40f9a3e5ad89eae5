package org.srstudio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.srstudio.core.StudioException;
import org.srstudio.iqa.Luma;
import org.srstudio.iqa.NiqeFitter;
import org.srstudio.iqa.NiqeModel;
import org.srstudio.iqa.io.ImageIoReader;
import org.srstudio.iqa.params.CsvMatrices;
import org.srstudio.iqa.params.IqaParameters;
import org.srstudio.iqa.params.NiqeModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fit-niqe}: builds a NIQE pristine model from a folder of pristine (undistorted, sharp) images. */
@Command(name = "fit-niqe", mixinStandardHelpOptions = true,
        description = "Fit a NIQE pristine model (mean and covariance of sharp-block features) from pristine images.")
public final class FitNiqeCommand implements Callable<Integer> {
    private static final List<String> IMAGE_SUFFIXES = List.of(".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".gif");

    @Spec
    CommandSpec spec;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE",
            description = "Where to write the model: .npz (BasicSR layout) or .csv (writes FILE-mu.csv and FILE-cov.csv); "
                    + "default models/iqa/niqe_pris_params.npz.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "PRISTINE", description = "Pristine images or folders of them.")
    List<Path> inputs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<Path> files = collect();
            NiqeFitter fitter = new NiqeFitter();
            for (Path f : files) {
                try {
                    int kept = fitter.add(Luma.rounded255(ImageIoReader.read(f), Luma.Space.YIQ));
                    out.printf(Locale.ROOT, "%s: %d sharp blocks%n", f.getFileName(), kept);
                } catch (StudioException e) {
                    err.println(f.getFileName() + " skipped: " + e.getMessage());
                }
            }
            Path target = output != null ? output : IqaParameters.DEFAULT_DIR.resolve("niqe_pris_params.npz");
            NiqeModel model = fitter.fit("fitted from " + fitter.images() + " images");
            write(target, model);
            out.printf(Locale.ROOT, "Wrote a NIQE model from %d blocks of %d images to %s%n", fitter.blocks(), fitter.images(), target);
            if (fitter.blocks() <= NiqeModel.FEATURES) {
                err.println("Warning: " + fitter.blocks() + " blocks are too few for a stable 36x36 covariance; add more pristine images.");
            }
            out.flush();
            err.flush();
            return 0;
        } catch (StudioException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    private List<Path> collect() throws StudioException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> IMAGE_SUFFIXES.stream().anyMatch(x -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(x)))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new StudioException("Cannot list the folder " + p + ".", e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new StudioException("The pristine image or folder " + p + " does not exist.");
            }
        }
        if (files.isEmpty()) {
            throw new StudioException("No images were found in " + inputs + ".");
        }
        return files;
    }

    private static void write(Path target, NiqeModel model) throws StudioException {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StudioException("Cannot create the folder for " + target + ".", e);
        }
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            String base = target.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
            CsvMatrices.write(target.resolveSibling(base + "-mu.csv"), "NIQE pristine mean (1x36), " + model.source(),
                    new double[][] {model.mu()});
            CsvMatrices.write(target.resolveSibling(base + "-cov.csv"), "NIQE pristine covariance (36x36), " + model.source(),
                    model.cov());
        } else {
            NiqeModels.writeNpz(target, model);
        }
    }
}
