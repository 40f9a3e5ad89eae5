package org.srstudio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.srstudio.core.StudioException;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.job.JobEvent;
import org.srstudio.core.job.JobHandle;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.job.OutputFormat;
import org.srstudio.core.job.OutputSettings;
import org.srstudio.core.job.UpscaleRequest;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelStatus;
import org.srstudio.core.prompt.PromptPair;
import org.srstudio.core.prompt.XpsrPromptSidecars;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code srstudio upscale}: runs one model over files and folders, one job per image, on the device executor. */
@Command(name = "upscale", description = "Upscale images with one model. Inputs may be files or folders (searched recursively).",
        mixinStandardHelpOptions = true)
final class UpscaleCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, required = true, description = "Model id (see 'srstudio models').")
    String model;

    @Option(names = {"-s", "--scale"}, description = "Scale factor; default: the model's own.")
    Integer scale;

    @Option(names = {"-o", "--output"}, description = "Output folder or file; default: next to each input.")
    Path output;

    @Option(names = "--name-template", defaultValue = OutputSettings.DEFAULT_TEMPLATE,
            description = "Output file name template: {name} {model} {scale} {seed} {ext}. Default: ${DEFAULT-VALUE}.")
    String nameTemplate;

    @Option(names = {"-f", "--format"}, defaultValue = "png", description = "Output format: png, jpg or tif.")
    String format;

    @Option(names = "--tile", defaultValue = "0", description = "Tile size in input pixels; 0 picks one from the memory budget.")
    int tile;

    @Option(names = "--steps", description = "Sampler steps (diffusion models).")
    Integer steps;

    @Option(names = "--guidance", description = "Classifier-free guidance scale (diffusion models).")
    Double guidance;

    @Option(names = "--prompt", description = "Prompt (diffusion models).")
    String prompt;

    @Option(names = "--negative-prompt", description = "Negative prompt (diffusion models).")
    String negativePrompt;

    @Option(names = "--low-level-prompt", description = "Low-level (quality) prompt of dual-prompt models such as XPSR.")
    String lowLevelPrompt;

    @Option(names = "--prompt-dir", description = "Folder of XPSR prompt files (highlevel_prompt/<name>.txt, "
            + "lowlevel_prompt_q/<name>.txt); each input uses the files named after it. --prompt and --low-level-prompt win.")
    Path promptDir;

    @Option(names = "--seed", description = "Random seed; the same seed gives the same image.")
    Long seed;

    @Option(names = "--max-pixels", defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS,
            description = "Refuse inputs with more pixels than this. Default: ${DEFAULT-VALUE}.")
    long maxPixels;

    @Parameters(arity = "1..*", paramLabel = "INPUTS", description = "Image files or folders.")
    List<Path> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ServicesFactory servicesFactory;

    UpscaleCommand(ServicesFactory servicesFactory) {
        this.servicesFactory = servicesFactory;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat outputFormat = parseFormat(format);
        ModelParameters parameters;
        OutputSettings outputTemplate;
        try {
            parameters = new ModelParameters(prompt, negativePrompt, guidance, steps, seed, tile, null, lowLevelPrompt);
            outputTemplate = new OutputSettings(Path.of("."), nameTemplate, outputFormat);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (promptDir != null && !Files.isDirectory(promptDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--prompt-dir " + promptDir + " is not a folder");
        }
        List<InputCollector.Input> files = InputCollector.collect(inputs);
        if (files.isEmpty()) {
            err.println("srstudio: No image files were found in " + inputs + ".");
            return 1;
        }
        try (StudioServices services = servicesFactory.create(maxPixels)) {
            ModelEntry entry = services.registry().find(model).orElse(null);
            if (entry == null) {
                err.println("srstudio: Unknown model '" + model + "'; run 'srstudio models' to list the models.");
                return 2;
            }
            if (entry.status() != ModelStatus.INSTALLED) {
                err.println("srstudio: Model " + model + " cannot run: " + entry.note());
                return 1;
            }
            int chosenScale = scale != null ? scale : entry.manifest().defaultScale();
            ProgressPrinter progress = new ProgressPrinter(err);
            services.executor().addListener(progress);
            int failures = 0;
            for (int i = 0; i < files.size(); i++) {
                InputCollector.Input input = files.get(i);
                String label = "[" + (i + 1) + "/" + files.size() + "] " + input.file();
                progress.label(label);
                ModelParameters inputParameters;
                try {
                    inputParameters = withSidecarPrompts(parameters, input.file());
                } catch (StudioException e) {
                    failures++;
                    err.println("srstudio: " + SrStudioCommand.sentence(e.getMessage()));
                    continue;
                }
                UpscaleRequest request = new UpscaleRequest(input.file(), model, chosenScale, inputParameters,
                        new OutputSettings(target(input), outputTemplate.nameTemplate(), outputFormat));
                JobHandle handle = services.executor().submit(request);
                JobEvent outcome = await(handle);
                if (outcome instanceof JobEvent.Finished finished) {
                    Path written = finished.result().writtenFile().orElse(finished.result().storedImage());
                    out.println(written);
                    out.flush();
                    err.println(label + " -> " + written + " (" + finished.result().provenance().runMillis() + " ms)");
                } else if (outcome instanceof JobEvent.Failed failed) {
                    failures++;
                    err.println("srstudio: " + SrStudioCommand.sentence(failed.message()));
                } else {
                    failures++;
                    err.println("srstudio: " + label + " was cancelled.");
                }
                err.flush();
            }
            return failures == 0 ? 0 : 1;
        }
    }

    /** Prompts from XPSR sidecar files fill what the command line left open. */
    private ModelParameters withSidecarPrompts(ModelParameters base, Path input) throws StudioException {
        if (promptDir == null) {
            return base;
        }
        Optional<PromptPair> pair = XpsrPromptSidecars.promptsFor(promptDir, input);
        if (pair.isEmpty()) {
            return base;
        }
        ModelParameters p = base;
        if (prompt == null && !pair.get().highLevel().isBlank()) {
            p = p.withPrompts(pair.get().highLevel(), p.negativePrompt());
        }
        if (lowLevelPrompt == null && !pair.get().lowLevel().isBlank()) {
            p = p.withLowLevelPrompt(pair.get().lowLevel());
        }
        return p;
    }

    /** Results go to -o (mirroring folder structure for folder inputs) or next to the input. */
    private Path target(InputCollector.Input input) throws IOException {
        if (output == null) {
            Path parent = input.file().toAbsolutePath().getParent();
            return parent;
        }
        boolean isFile = OutputFormat.fromFileName(output.getFileName().toString()) != null && !Files.isDirectory(output);
        if (isFile) {
            if (inputs.size() > 1 || input.root() != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "-o names a file but several inputs were given; name a folder instead");
            }
            return output;
        }
        return output.resolve(input.relativeParent());
    }

    private static JobEvent await(JobHandle handle) throws InterruptedException {
        try {
            return handle.outcome().get();
        } catch (ExecutionException e) {
            return new JobEvent.Failed(handle.id(), String.valueOf(e.getCause().getMessage()));
        }
    }

    private OutputFormat parseFormat(String value) {
        OutputFormat f = OutputFormat.fromFileName("x." + value);
        if (f == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Unknown output format '" + value + "'; use png, jpg or tif");
        }
        return f;
    }
}
