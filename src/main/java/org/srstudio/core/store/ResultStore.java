package org.srstudio.core.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.srstudio.core.Json;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.image.ImageEncoder;
import org.srstudio.core.job.OutputFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every finished variant on disk as a PNG with a JSON provenance file beside it. Names are unique, so
 * nothing is ever overwritten; the folder is the studio's memory of what was run.
 */
public final class ResultStore {
    /** The PNG text keyword under which the provenance JSON is embedded in every written image. */
    public static final String PROVENANCE_KEY = "srstudio:provenance";

    private static final Logger LOG = LoggerFactory.getLogger(ResultStore.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Path root;
    private final ImageEncoder encoder = new ImageEncoder();

    public ResultStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public StoredVariant store(FloatImage color, Optional<FloatImage> alpha, int bitDepth, Provenance provenance)
            throws StudioException {
        PendingVariant pending = reserve(provenance);
        try {
            encoder.write(color, alpha, bitDepth, pending.image(), OutputFormat.PNG, metadataFor(toJson(provenance)));
            return commit(pending, provenance);
        } catch (StudioException | RuntimeException e) {
            abandon(pending);
            throw e;
        }
    }

    /**
     * Claims the names for a variant whose image is written elsewhere (streamed as it is made): its image path and
     * its provenance file, which stays empty until {@link #commit}; {@link #abandon} gives the names back.
     */
    public PendingVariant reserve(Provenance draft) throws StudioException {
        Path day = root.resolve(DAY.format(draft.createdAt()));
        String base = sanitize(stem(Path.of(draft.inputPath()).getFileName().toString()))
                + "_" + sanitize(draft.modelId()) + "_x" + draft.scale();
        try {
            Files.createDirectories(day);
            Path json = reserve(day, base);
            PendingVariant pending = new PendingVariant(day.resolve(stem(json.getFileName().toString()) + ".png"), json);
            UnfinishedVariants.add(pending);
            return pending;
        } catch (IOException e) {
            throw new StudioException("Cannot keep the result in " + root + ": " + e.getMessage() + ".", e);
        }
    }

    /** Records the provenance of a reserved variant whose image is in place. */
    public StoredVariant commit(PendingVariant pending, Provenance provenance) throws StudioException {
        Path json = pending.provenanceFile();
        try {
            Path tmp = Files.createTempFile(json.getParent(), stem(json.getFileName().toString()), ".json.tmp");
            Files.writeString(tmp, toJson(provenance));
            Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            UnfinishedVariants.remove(pending);
            return new StoredVariant(pending.image(), json, provenance);
        } catch (IOException e) {
            throw new StudioException("Cannot keep the result in " + root + ": " + e.getMessage() + ".", e);
        }
    }

    /** Removes a reserved variant that will not be finished, so no half result is ever listed. */
    public void abandon(PendingVariant pending) {
        UnfinishedVariants.remove(pending);
        try {
            Files.deleteIfExists(pending.image());
            Files.deleteIfExists(pending.provenanceFile());
        } catch (IOException e) {
            LOG.warn("Could not remove the unfinished result {}", pending.image(), e);
        }
    }

    /** The provenance as the JSON stored beside the image and embedded in it. */
    public static String toJson(Provenance provenance) throws StudioException {
        try {
            return Json.mapper().writeValueAsString(provenance);
        } catch (IOException e) {
            throw new StudioException("Cannot record the result's provenance: " + e.getMessage() + ".", e);
        }
    }

    /** The text chunks every image the studio writes carries. */
    public static Map<String, String> metadataFor(String provenanceJson) {
        return Map.of("Software", "SR Studio", PROVENANCE_KEY, provenanceJson);
    }

    /** Every stored variant, oldest first; unreadable provenance files are skipped with a log line. */
    public List<StoredVariant> list() throws StudioException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<StoredVariant> variants = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path json : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                Path image = json.resolveSibling(stem(json.getFileName().toString()) + ".png");
                if (!Files.isRegularFile(image)) {
                    continue;
                }
                try {
                    variants.add(new StoredVariant(image, json, Json.mapper().readValue(json.toFile(), Provenance.class)));
                } catch (IOException e) {
                    LOG.warn("Skipping unreadable provenance {}", json, e);
                }
            }
        } catch (IOException e) {
            throw new StudioException("Cannot read the result store " + root + ": " + e.getMessage() + ".", e);
        }
        variants.sort(Comparator.comparing((StoredVariant v) -> v.provenance().createdAt())
                .thenComparing(v -> v.image().toString()));
        return variants;
    }

    /** Claims a fresh name by creating its JSON file, so two jobs finishing together never share a name. */
    private static Path reserve(Path day, String base) throws IOException {
        for (int n = 1; ; n++) {
            Path candidate = day.resolve(n == 1 ? base + ".json" : base + "_" + n + ".json");
            try {
                Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW).close();
                return candidate;
            } catch (FileAlreadyExistsException taken) {
                // try the next number
            }
        }
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static String sanitize(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() ? "image" : cleaned;
    }
}
