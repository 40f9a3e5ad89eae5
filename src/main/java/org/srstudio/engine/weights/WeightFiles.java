package org.srstudio.engine.weights;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.srstudio.core.StudioException;

/** Opens a weight file by its extension. */
public final class WeightFiles {
    public static final String PTH = "pth";
    public static final String SAFETENSORS = "safetensors";

    private WeightFiles() {
    }

    /** "pth" or "safetensors" for a file this package reads (.pth and .pt are both torch.save files). */
    public static Optional<String> formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pth") || name.endsWith(".pt")) {
            return Optional.of(PTH);
        }
        if (name.endsWith(".safetensors")) {
            return Optional.of(SAFETENSORS);
        }
        return Optional.empty();
    }

    public static StateDict open(Path file) throws StudioException {
        String format = formatOf(file).orElseThrow(() -> new StudioException(file.getFileName()
                + " is neither a .pth nor a .safetensors file."));
        return format.equals(PTH) ? PthReader.open(file) : SafetensorsReader.open(file);
    }
}
