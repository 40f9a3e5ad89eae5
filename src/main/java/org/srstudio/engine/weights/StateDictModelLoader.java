package org.srstudio.engine.weights;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.srstudio.core.StudioException;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelFamily;
import org.srstudio.core.model.ModelFile;
import org.srstudio.core.model.ModelLoader;
import org.srstudio.core.model.ModelManifest;
import org.srstudio.core.model.ModelStatus;
import org.srstudio.core.upscale.Upscaler;
import org.srstudio.engine.EngineDevice;
import org.srstudio.engine.GraphUpscaler;
import org.srstudio.engine.arch.Architecture;
import org.srstudio.engine.arch.ArchitectureDetector;
import org.srstudio.engine.arch.Detection;
import org.srstudio.engine.arch.RrdbNet;
import org.srstudio.engine.graph.Graph;
import org.srstudio.engine.graph.Tensor;

/**
 * Runs PyTorch state dicts ({@code .pth}) and {@code .safetensors} files of the architectures SR Studio knows,
 * whether a manifest names them ({@code "engine": {"weights": "file.pth"}}) or they were dropped loose into the
 * models folder as downloaded. Detection reads only the pickle or header, and is cached per file version, so a
 * registry scan stays cheap.
 */
public final class StateDictModelLoader implements ModelLoader {
    public static final String UNKNOWN_LICENSE = "unknown — check the model's source";
    /** "4x_name", "name_x2", "RealESRGAN_x2plus": a scale written before or after an x, set off from the rest. */
    private static final Pattern SCALE_IN_NAME =
            Pattern.compile("(?i)(?:^|[^a-z0-9])(?:(\\d{1,2})x(?![a-z0-9])|x(\\d{1,2})(?!\\d))");

    /** A file version: the same path with another size or time is scanned again. */
    private record FileVersion(Path path, long modified, long size) {
    }

    /** What a scan found: a detection, or why the file could not be read. */
    private record Scan(Detection detection, String failure) {
        Optional<String> problem(String file) {
            if (failure != null) {
                return Optional.of(failure);
            }
            return detection instanceof Detection.Unsupported u ? Optional.of(u.sentence(file)) : Optional.empty();
        }
    }

    private final Map<FileVersion, Scan> scans = new ConcurrentHashMap<>();

    @Override
    public boolean supports(ModelManifest manifest) {
        return WeightFiles.PTH.equals(manifest.format()) || WeightFiles.SAFETENSORS.equals(manifest.format());
    }

    @Override
    public Optional<String> problemWith(ModelEntry entry) {
        Path file;
        try {
            file = weightFile(entry);
        } catch (StudioException e) {
            return Optional.of(e.getMessage());
        }
        Scan scan = scan(file);
        Optional<String> problem = scan.problem(file.getFileName().toString());
        if (problem.isPresent()) {
            return problem;
        }
        Architecture arch = ((Detection.Supported) scan.detection()).architecture();
        if (!entry.manifest().scales().contains(arch.scale())) {
            return Optional.of("Model " + entry.id() + " lists scales " + entry.manifest().scales() + " but "
                    + file.getFileName() + " is a ×" + arch.scale() + " " + arch.displayName() + " network.");
        }
        return Optional.empty();
    }

    @Override
    public Optional<ModelEntry> describe(Path weightFile) {
        Optional<String> format = WeightFiles.formatOf(weightFile);
        if (format.isEmpty() || !Files.isRegularFile(weightFile)) {
            return Optional.empty();
        }
        String fileName = weightFile.getFileName().toString();
        String stem = fileName.substring(0, fileName.lastIndexOf('.'));
        String id = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        Scan scan = scan(weightFile);
        Optional<String> problem = scan.problem(fileName);
        Architecture arch = problem.isEmpty() ? ((Detection.Supported) scan.detection()).architecture() : null;
        ObjectNode engine = JsonNodeFactory.instance.objectNode();
        engine.put("weights", fileName);
        if (arch != null) {
            engine.put("architecture", arch.displayName());
            engine.put("hyperparameters", arch.summary());
        }
        int scale = arch != null ? arch.scale() : scaleFromName(stem);
        ModelManifest manifest = new ModelManifest(id.isEmpty() ? "model" : id, stem, null, ModelFamily.GAN,
                format.get(), List.of(scale), arch instanceof RrdbNet ? "slow" : "fast",
                null, UNKNOWN_LICENSE, null, null, List.of(new ModelFile(fileName, "")), null, engine);
        return Optional.of(new ModelEntry(manifest, Optional.of(weightFile.toAbsolutePath().getParent()),
                problem.isEmpty() ? ModelStatus.INSTALLED : ModelStatus.UNSUPPORTED, problem.orElse("")));
    }

    @Override
    public Upscaler load(ModelEntry entry) throws StudioException {
        Graph graph = graph(entry);
        long budget = GraphUpscaler.defaultMemoryBudget();
        GraphUpscaler upscaler = new GraphUpscaler(graph, EngineDevice.detect(), budget);
        int unshuffle = architecture(entry).filter(a -> a instanceof RrdbNet).map(a -> ((RrdbNet) a).unshuffle()).orElse(1);
        return unshuffle > 1 ? new AlignedUpscaler(upscaler, unshuffle, budget) : upscaler;
    }

    /** Reads the weights and builds the network of a model entry, without any inference library. */
    public Graph graph(ModelEntry entry) throws StudioException {
        Path file = weightFile(entry);
        StateDict dict = WeightFiles.open(file);
        Detection detection = ArchitectureDetector.detect(dict.shapes());
        if (detection instanceof Detection.Unsupported u) {
            throw new StudioException(u.sentence(dict.file()));
        }
        Map<String, Tensor> weights = dict.load();
        return ((Detection.Supported) detection).architecture().build(entry.id(), weights);
    }

    private Optional<Architecture> architecture(ModelEntry entry) throws StudioException {
        return detect(weightFile(entry)) instanceof Detection.Supported s ? Optional.of(s.architecture()) : Optional.empty();
    }

    /** The architecture of a weight file, or the sentence saying why it cannot run. */
    public Detection detect(Path file) throws StudioException {
        Scan scan = scan(file);
        if (scan.failure() != null) {
            throw new StudioException(scan.failure());
        }
        return scan.detection();
    }

    private Scan scan(Path file) {
        FileVersion version;
        try {
            version = new FileVersion(file.toAbsolutePath().normalize(), Files.getLastModifiedTime(file).toMillis(),
                    Files.size(file));
        } catch (IOException e) {
            return new Scan(null, "Cannot read " + file + ": " + e.getMessage() + ".");
        }
        return scans.computeIfAbsent(version, v -> {
            try {
                return new Scan(ArchitectureDetector.detect(WeightFiles.open(file).shapes()), null);
            } catch (StudioException e) {
                return new Scan(null, e.getMessage());
            }
        });
    }

    private static Path weightFile(ModelEntry entry) throws StudioException {
        ModelManifest m = entry.manifest();
        Path folder = entry.folder().orElseThrow(() -> new StudioException("Model " + m.id()
                + " has no folder holding its weights."));
        String name = null;
        if (m.engine() != null && m.engine().hasNonNull("weights")) {
            name = m.engine().get("weights").asText();
        } else {
            name = m.files().stream().map(ModelFile::path).filter(p -> WeightFiles.formatOf(Path.of(p)).isPresent())
                    .findFirst().orElse(null);
        }
        if (name == null || name.isBlank()) {
            throw new StudioException("Model " + m.id() + " does not say which file holds its weights; set"
                    + " \"engine\": {\"weights\": \"<file>.pth\"} in its model.json.");
        }
        Path base = folder.toAbsolutePath().normalize();
        Path file = base.resolve(name).normalize();
        if (!file.startsWith(base)) {
            throw new StudioException("Model " + m.id() + " names weights outside its folder: " + name + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw new StudioException("Model " + m.id() + " lacks its weight file " + name + ".");
        }
        return file;
    }

    /** "4x_foo" or "foo_x2" → 4 or 2, for a file whose architecture is unknown; otherwise 1. */
    static int scaleFromName(String stem) {
        Matcher m = SCALE_IN_NAME.matcher(stem);
        if (m.find()) {
            int s = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            if (s >= 1 && s <= 16) {
                return s;
            }
        }
        return 1;
    }
}
