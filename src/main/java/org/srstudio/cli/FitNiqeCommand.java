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
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
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
final class FitNiqeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE",
            description = "Where to write the model: .npz (BasicSR layout) or .csv (writes FILE-mu.csv and FILE-cov.csv); "
                    + "default: iqa/niqe_pris_params.npz in the models folder.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "PRISTINE", description = "Pristine images or folders of them.")
    List<Path> inputs;

    private final ServicesFactory servicesFactory;

    FitNiqeCommand(ServicesFactory servicesFactory) {
        this.servicesFactory = servicesFactory;
    }

    /** A {@link StudioException} becomes the root command's one-sentence error and exit code 1. */
    @Override
    public Integer call() throws StudioException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = collect();
        ImageDecoder decoder;
        Path defaultTarget;
        try (StudioServices services = servicesFactory.create(ImageDecoder.DEFAULT_MAX_PIXELS)) {
            decoder = services.decoder();
            defaultTarget = services.registry().modelsDir().resolve("iqa").resolve("niqe_pris_params.npz");
        }
        NiqeFitter fitter = new NiqeFitter();
        for (Path f : files) {
            try {
                int kept = fitter.add(Luma.rounded255(decoder.decode(f).color(), Luma.Space.YIQ));
                out.printf(Locale.ROOT, "%s: %d sharp blocks%n", f.getFileName(), kept);
            } catch (StudioException e) {
                err.println(f.getFileName() + " skipped: " + e.getMessage());
            }
        }
        Path target = output != null ? output : defaultTarget;
        NiqeModel model = fitter.fit("fitted from " + fitter.images() + " images");
        write(target, model);
        out.printf(Locale.ROOT, "Wrote a NIQE model from %d blocks of %d images to %s%n", fitter.blocks(), fitter.images(), target);
        if (fitter.blocks() <= NiqeModel.FEATURES) {
            err.println("Warning: " + fitter.blocks() + " blocks are too few for a stable 36x36 covariance; add more pristine images.");
        }
        out.flush();
        err.flush();
        return 0;
    }

    /** Named files as they are, folders searched for images (recursively), as the upscale command does. */
    private List<Path> collect() throws StudioException {
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new StudioException("The pristine image or folder " + p + " does not exist.");
            }
        }
        List<Path> files;
        try {
            files = InputCollector.collect(inputs).stream().map(InputCollector.Input::file).toList();
        } catch (IOException e) {
            throw new StudioException("Cannot list " + inputs + ": " + e.getMessage() + ".", e);
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
