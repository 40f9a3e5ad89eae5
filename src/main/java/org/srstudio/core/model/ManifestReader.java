package org.srstudio.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.srstudio.core.Json;
import org.srstudio.core.StudioException;

/** Reads and writes {@code model.json} with one sentence for every way a manifest can be wrong. */
public final class ManifestReader {
    private static final ObjectMapper MAPPER = Json.mapper();

    private ManifestReader() {
    }

    public static ModelManifest read(Path file) throws StudioException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new StudioException("Cannot read the model manifest " + file + ": " + e.getMessage() + ".", e);
        }
    }

    public static ModelManifest parse(InputStream in, String where) throws StudioException {
        try {
            ModelManifest manifest = MAPPER.readValue(in, ModelManifest.class);
            if (manifest == null) {
                throw new StudioException("The model manifest " + where + " is empty.");
            }
            return manifest;
        } catch (JsonProcessingException e) {
            Throwable root = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String reason = root == e ? e.getOriginalMessage() : root.getMessage();
            throw new StudioException("The model manifest " + where + " is invalid: " + stripPeriod(reason) + ".", e);
        } catch (IOException e) {
            throw new StudioException("Cannot read the model manifest " + where + ": " + e.getMessage() + ".", e);
        }
    }

    public static void write(ModelManifest manifest, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), manifest);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String stripPeriod(String s) {
        return s != null && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
