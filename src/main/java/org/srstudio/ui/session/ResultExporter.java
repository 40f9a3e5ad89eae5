package org.srstudio.ui.session;

import org.srstudio.core.job.OutputFormat;
import org.srstudio.core.job.OutputSettings;
import org.srstudio.core.pipeline.OutputNamer;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.srstudio.core.StudioException;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.compare.VariantKind;

/**
 * File → Save results: copies stored model results to a folder under the names the pipeline gives outputs
 * ({@link OutputNamer}: {@code {name}_{model}_x{scale}.{ext}}, "_2", "_3"… rather than replacing a file). Each copy
 * is written to a temporary file in the target folder and moved into place.
 */
public final class ResultExporter {
    private ResultExporter() {
    }

    public static List<Path> save(List<Variant> variants, Path folder) throws StudioException {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StudioException("Cannot create the folder " + folder + " (" + e.getMessage() + ").", e);
        }
        for (Variant v : variants) {
            if (v.kind() != VariantKind.MODEL || v.provenance().isEmpty()) {
                continue;
            }
            written.add(copy(v, folder));
        }
        return written;
    }

    /** The pipeline's default output name ({@code {name}_{model}_x{scale}.{ext}}) in the stored file's format. */
    public static String fileName(Variant v) {
        return target(v, null).getFileName().toString();
    }

    /** Where the pipeline's {@link OutputNamer} would write this result in {@code folder}, counter included. */
    private static Path target(Variant v, Path folder) {
        var p = v.provenance().orElseThrow();
        OutputFormat format = OutputNamer.formatOf(v.image(), OutputFormat.PNG);
        Path dir = folder == null ? Path.of("") : folder;
        return OutputNamer.resolve(new OutputSettings(dir, OutputSettings.DEFAULT_TEMPLATE, format),
                Path.of(p.inputPath()), p.modelId(), p.scale(), p.seed());
    }

    private static Path copy(Variant v, Path folder) throws StudioException {
        String name = fileName(v);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(folder, ".srstudio-save", ".tmp");
            Files.copy(v.image(), tmp, StandardCopyOption.REPLACE_EXISTING);
            while (true) {
                Path target = target(v, folder);
                try {
                    // rename(2) would replace a file created since the check; the window is a few microseconds.
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                } catch (FileAlreadyExistsException raced) {
                    // Another writer took the name between the check and the move; ask for the next free one.
                }
            }
        } catch (IOException e) {
            throw new StudioException("Cannot save " + name + " to " + folder + " (" + e.getMessage() + ").", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // A leftover hidden temporary file is harmless.
                }
            }
        }
    }
}
