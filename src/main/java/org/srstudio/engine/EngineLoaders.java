package org.srstudio.engine;

import java.util.List;
import org.srstudio.core.model.ModelLoader;
import org.srstudio.engine.weights.StateDictModelLoader;

/** Every model loader the neural engine provides, for the registry. */
public final class EngineLoaders {
    private EngineLoaders() {
    }

    public static List<ModelLoader> all() {
        return List.of(new NcnnModelLoader(), new StateDictModelLoader(), new org.srstudio.engine.diffusion.DiffusionModelLoader());
    }
}
