package org.srstudio.engine.diffusion;

import java.nio.file.Path;
import java.util.Optional;
import org.srstudio.core.StudioException;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelLoader;
import org.srstudio.core.model.ModelManifest;
import org.srstudio.core.upscale.Upscaler;
import org.srstudio.engine.EngineDevice;

/** Loads exported diffusion SR folders (format "diffusion") onto the engine's device. */
public final class DiffusionModelLoader implements ModelLoader {
    public static final String FORMAT = "diffusion";

    @Override
    public boolean supports(ModelManifest manifest) {
        return FORMAT.equals(manifest.format());
    }

    @Override
    public Upscaler load(ModelEntry entry) throws StudioException {
        Path folder = entry.folder().orElseThrow(() -> new StudioException("Model " + entry.id()
                + " has no exported folder; see the diffusion section of the README for how to make one."));
        DiffusionSpec spec = DiffusionSpec.parse(entry.manifest().engine(), entry.id());
        String missing = spec.missingIn(folder);
        if (missing != null) {
            throw new StudioException(missing);
        }
        EngineDevice device = EngineDevice.detect();
        return new DiffusionUpscaler(entry.manifest(), spec, folder, device.device(), device.threads(), device.describe());
    }

    @Override
    public Optional<String> problemWith(ModelEntry entry) {
        if (entry.folder().isEmpty()) {
            return Optional.empty();
        }
        try {
            DiffusionSpec spec = DiffusionSpec.parse(entry.manifest().engine(), entry.id());
            return Optional.ofNullable(spec.missingIn(entry.folder().get()));
        } catch (StudioException e) {
            return Optional.of(e.getMessage());
        }
    }
}
