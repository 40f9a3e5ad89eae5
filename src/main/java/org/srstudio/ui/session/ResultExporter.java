package org.srstudio.ui.session;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.srstudio.core.StudioException;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.compare.VariantKind;

/**
 * File → Save results: copies stored model results to a folder as {@code {name}_{model}_x{scale}.png}. Each copy
 * is written to a temporary file in the target folder and moved into place, and an existing file is never
 * replaced: the name gets "-2", "-3"… instead.
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

    /** {@code {name}_{model}_x{scale}.{ext}} with the input's base name and the stored file's extension. */
    public static String fileName(Variant v) {
        var p = v.provenance().orElseThrow();
        String input = Path.of(p.inputPath()).getFileName().toString();
        int dot = input.lastIndexOf('.');
        String base = dot > 0 ? input.substring(0, dot) : input;
        String stored = v.image().getFileName().toString();
        int extDot = stored.lastIndexOf('.');
        String ext = extDot > 0 ? stored.substring(extDot + 1).toLowerCase(Locale.ROOT) : "png";
        return base + "_" + p.modelId() + "_x" + p.scale() + "." + ext;
    }

    private static Path copy(Variant v, Path folder) throws StudioException {
        String name = fileName(v);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(folder, ".srstudio-save", ".tmp");
            Files.copy(v.image(), tmp, StandardCopyOption.REPLACE_EXISTING);
            for (int n = 1; ; n++) {
                Path target = folder.resolve(n == 1 ? name : withSuffix(name, n));
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    // rename(2) would replace a file created since the check; the window is a few microseconds.
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                } catch (FileAlreadyExistsException raced) {
                    // Another writer took the name between the check and the move; try the next one.
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

    private static String withSuffix(String name, int n) {
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + "-" + n + name.substring(dot);
    }
}
