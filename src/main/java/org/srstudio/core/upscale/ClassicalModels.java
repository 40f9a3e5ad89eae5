package org.srstudio.core.upscale;

import java.util.List;
import org.srstudio.core.model.ModelLoader;
import org.srstudio.core.model.ModelManifest;

/** The built-in resamplers as models: nearest, bilinear, bicubic (Keys a = -0.5) and Lanczos3, scales 2 to 8. */
public final class ClassicalModels {
    public static final String FORMAT = "builtin";

    private ClassicalModels() {
    }

    public static List<ModelManifest> manifests() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static ModelLoader loader() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
