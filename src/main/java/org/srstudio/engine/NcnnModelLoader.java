package org.srstudio.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.srstudio.core.StudioException;
import org.srstudio.core.model.Knob;
import org.srstudio.core.model.KnobName;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelFamily;
import org.srstudio.core.model.ModelFile;
import org.srstudio.core.model.ModelLoader;
import org.srstudio.core.model.ModelManifest;
import org.srstudio.core.model.ModelStatus;
import org.srstudio.core.upscale.Upscaler;
import org.srstudio.engine.graph.Graph;
import org.srstudio.engine.ncnn.NcnnGraphBuilder;

/**
 * Loads ncnn models ({@code .param} + {@code .bin}, format "ncnn") into a {@link GraphUpscaler}. The manifest's
 * {@code engine} names the two files ({@code {"param": "x.param", "bin": "x.bin"}}); without it the folder's only
 * {@code .param} and the {@code .bin} of the same name are used. A loose {@code .param} dropped into the models
 * folder with its {@code .bin} beside it is described with a generated manifest.
 */
public final class NcnnModelLoader implements ModelLoader {
    public static final String FORMAT = "ncnn";
    private final long memoryBudgetBytes;

    public NcnnModelLoader() {
        this(GraphUpscaler.defaultMemoryBudget());
    }

    public NcnnModelLoader(long memoryBudgetBytes) {
        this.memoryBudgetBytes = memoryBudgetBytes;
    }

    @Override
    public boolean supports(ModelManifest manifest) {
        return FORMAT.equals(manifest.format());
    }

    @Override
    public Upscaler load(ModelEntry entry) throws StudioException {
        Graph graph = graph(entry);
        return new GraphUpscaler(graph, EngineDevice.detect(), memoryBudgetBytes);
    }

    /** Reads an entry's network without starting the engine. */
    public static Graph graph(ModelEntry entry) throws StudioException {
        Path folder = entry.folder().orElseThrow(() -> new StudioException("Model " + entry.id() + " has no folder."));
        Path param = folder.resolve(setting(entry, "param", ".param"));
        Path bin = folder.resolve(setting(entry, "bin", ".bin"));
        for (Path p : List.of(param, bin)) {
            if (!Files.isRegularFile(p)) {
                throw new StudioException("Model " + entry.id() + " needs " + p + ", which is missing.");
            }
        }
        return NcnnGraphBuilder.read(param, bin, entry.id());
    }

    private static String setting(ModelEntry entry, String key, String extension) throws StudioException {
        var engine = entry.manifest().engine();
        if (engine != null && engine.hasNonNull(key)) {
            return engine.get(key).asText();
        }
        return entry.manifest().files().stream().map(ModelFile::path).filter(p -> p.endsWith(extension)).findFirst()
                .orElseThrow(() -> new StudioException("Model " + entry.id() + " names no " + extension + " file."));
    }

    @Override
    public Optional<ModelEntry> describe(Path weightFile) {
        String file = weightFile.getFileName().toString();
        if (!Files.isRegularFile(weightFile) || !file.toLowerCase(Locale.ROOT).endsWith(".param")) {
            return Optional.empty();
        }
        String stem = file.substring(0, file.length() - ".param".length());
        String binName = stem + ".bin";
        Path bin = weightFile.resolveSibling(binName);
        Path folder = weightFile.getParent();
        String id = idFor(stem);
        if (!Files.isRegularFile(bin)) {
            return Optional.of(new ModelEntry(manifest(id, stem, 1, file, binName), Optional.ofNullable(folder),
                    ModelStatus.NOT_INSTALLED, "Put " + binName + " beside " + file + " in " + folder + "."));
        }
        try {
            Graph graph = NcnnGraphBuilder.read(weightFile, bin, id);
            return Optional.of(new ModelEntry(manifest(id, stem, graph.scale(), file, binName),
                    Optional.ofNullable(folder), ModelStatus.INSTALLED, ""));
        } catch (StudioException e) {
            return Optional.of(new ModelEntry(manifest(id, stem, 1, file, binName), Optional.ofNullable(folder),
                    ModelStatus.UNSUPPORTED, e.getMessage()));
        }
    }

    static String idFor(String stem) {
        String id = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        return id.isEmpty() ? "ncnn-model" : id;
    }

    private static ModelManifest manifest(String id, String name, int scale, String param, String bin) {
        ObjectNode engine = JsonNodeFactory.instance.objectNode();
        engine.put("param", param);
        engine.put("bin", bin);
        return new ModelManifest(id, name, null, ModelFamily.GAN, FORMAT, List.of(scale), "medium",
                Map.of(KnobName.TILE_SIZE, Knob.numeric(0, 0, 2048)), "unknown", null, null,
                List.of(new ModelFile(param, ""), new ModelFile(bin, "")), null, engine);
    }
}
