package org.srstudio.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.srstudio.core.StudioException;
import org.srstudio.core.upscale.Upscaler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model the studio knows: built-in ones, folders under {@code models/} with a {@code model.json}, loose
 * weight files a loader recognises, and catalogue cards for known models whose files are not there yet.
 */
public final class ModelRegistry {
    public static final String MANIFEST = "model.json";
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final List<Path> modelDirs;
    private final List<ModelLoader> loaders;
    private final List<ModelManifest> builtins;
    private final List<ModelManifest> catalogue;
    private volatile Map<String, ModelEntry> entries = Map.of();

    /**
     * @param builtins  models with no files (classical resamplers)
     * @param catalogue known models listed as not installed until their folder exists; each manifest's
     *                  {@code install} says how to get it
     */
    public ModelRegistry(Path modelsDir, List<ModelLoader> loaders, List<ModelManifest> builtins,
                         List<ModelManifest> catalogue) {
        this(List.of(modelsDir), loaders, builtins, catalogue);
    }

    /**
     * @param modelDirs folders scanned in order, the first being where users put models (an installed app's
     *                  bundled models sit read-only in a later one); an id found twice keeps its first folder
     */
    public ModelRegistry(List<Path> modelDirs, List<ModelLoader> loaders, List<ModelManifest> builtins,
                         List<ModelManifest> catalogue) {
        if (modelDirs.isEmpty()) {
            throw new IllegalArgumentException("At least one models folder is needed");
        }
        this.modelDirs = List.copyOf(modelDirs);
        this.loaders = List.copyOf(loaders);
        this.builtins = List.copyOf(builtins);
        this.catalogue = List.copyOf(catalogue);
        refresh();
    }

    /** The folder where users put models. */
    public Path modelsDir() {
        return modelDirs.get(0);
    }

    public List<Path> modelDirs() {
        return modelDirs;
    }

    /** Rescans the models folder; call after a fetch or when the user dropped files in. */
    public synchronized void refresh() {
        Map<String, ModelEntry> found = new LinkedHashMap<>();
        for (ModelManifest m : builtins) {
            found.put(m.id(), new ModelEntry(m, Optional.empty(), ModelStatus.INSTALLED, ""));
        }
        for (Path dir : modelDirs) {
            scanFolder(dir, found);
        }
        for (ModelManifest m : catalogue) {
            found.putIfAbsent(m.id(), new ModelEntry(m, Optional.empty(), ModelStatus.NOT_INSTALLED,
                    m.install() == null ? "Put its files in " + modelsDir().resolve(m.id()) + "." : m.install()));
        }
        entries = Map.copyOf(found);
    }

    private void scanFolder(Path dir, Map<String, ModelEntry> found) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                scan(child).ifPresent(e -> {
                    if (found.putIfAbsent(e.id(), e) != null) {
                        LOG.info("Model id {} appears twice; keeping the first, ignoring {}", e.id(), child);
                    }
                });
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the models folder {}", dir, e);
        }
    }

    public List<ModelEntry> list() {
        List<ModelEntry> all = new ArrayList<>(entries.values());
        all.sort(Comparator.comparing((ModelEntry e) -> e.manifest().family())
                .thenComparing(e -> e.manifest().name()));
        return all;
    }

    public Optional<ModelEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Loads a model, or says in one sentence why it cannot run. */
    public Upscaler open(String id) throws StudioException {
        ModelEntry entry = find(id).orElseThrow(() -> new StudioException("Unknown model '" + id
                + "'; run 'srstudio models' to list the models."));
        if (entry.status() != ModelStatus.INSTALLED) {
            throw new StudioException("Model " + id + " is " + (entry.status() == ModelStatus.NOT_INSTALLED
                    ? "not installed: " : "not supported: ") + entry.note());
        }
        return loaderFor(entry.manifest())
                .orElseThrow(() -> new StudioException("No loader reads the '" + entry.manifest().format()
                        + "' format of model " + id + "."))
                .load(entry);
    }

    private Optional<ModelLoader> loaderFor(ModelManifest manifest) {
        return loaders.stream().filter(l -> l.supports(manifest)).findFirst();
    }

    private Optional<ModelEntry> scan(Path child) {
        if (Files.isDirectory(child)) {
            Path manifestFile = child.resolve(MANIFEST);
            if (Files.isRegularFile(manifestFile)) {
                return Optional.of(fromManifest(child, manifestFile));
            }
            return Optional.empty();
        }
        for (ModelLoader loader : loaders) {
            Optional<ModelEntry> described = loader.describe(child);
            if (described.isPresent()) {
                return described;
            }
        }
        return Optional.empty();
    }

    private ModelEntry fromManifest(Path folder, Path manifestFile) {
        ModelManifest manifest;
        try {
            manifest = ManifestReader.read(manifestFile);
        } catch (StudioException e) {
            LOG.warn(e.getMessage());
            return invalid(folder, e.getMessage());
        }
        List<String> missing = manifest.files().stream().map(ModelFile::path)
                .filter(p -> !Files.isRegularFile(folder.resolve(p))).toList();
        if (!missing.isEmpty()) {
            String how = manifest.install() != null ? manifest.install()
                    : "Put " + String.join(", ", missing) + " in " + folder + ".";
            return new ModelEntry(manifest, Optional.of(folder), ModelStatus.NOT_INSTALLED,
                    "Missing " + String.join(", ", missing) + ". " + how);
        }
        Optional<ModelLoader> loader = loaderFor(manifest);
        if (loader.isEmpty()) {
            return new ModelEntry(manifest, Optional.of(folder), ModelStatus.UNSUPPORTED,
                    "This version of SR Studio has no loader for the '" + manifest.format() + "' format.");
        }
        ModelEntry entry = new ModelEntry(manifest, Optional.of(folder), ModelStatus.INSTALLED, "");
        return loader.get().problemWith(entry)
                .map(problem -> new ModelEntry(manifest, Optional.of(folder), ModelStatus.UNSUPPORTED, problem))
                .orElse(entry);
    }

    private static ModelEntry invalid(Path folder, String reason) {
        String id = folder.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        ModelManifest placeholder = new ModelManifest(id.isEmpty() ? "invalid" : id, folder.getFileName().toString(),
                null, ModelFamily.GAN, "invalid", List.of(1), null, null, null, null, null, null, null, null);
        return new ModelEntry(placeholder, Optional.of(folder), ModelStatus.UNSUPPORTED, reason);
    }
}
