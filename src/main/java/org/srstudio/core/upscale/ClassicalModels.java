package org.srstudio.core.upscale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.srstudio.core.StudioException;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelFamily;
import org.srstudio.core.model.ModelLoader;
import org.srstudio.core.model.ModelManifest;

/** The built-in resamplers as models: nearest, bilinear, bicubic (Keys a = -0.5) and Lanczos3, scales 2 to 8. */
public final class ClassicalModels {
    public static final String FORMAT = "builtin";
    /** 4 first, so that it is the default scale, as for the neural models compared against. */
    private static final List<Integer> SCALES = List.of(4, 2, 3, 5, 6, 7, 8);

    private ClassicalModels() {
    }

    public static List<ModelManifest> manifests() {
        List<ModelManifest> out = new ArrayList<>();
        for (ClassicalMethod m : ClassicalMethod.values()) {
            out.add(new ModelManifest(m.id(), m.displayName(), "1", ModelFamily.CLASSICAL, FORMAT, SCALES, "fast",
                    Map.of(), "Apache-2.0", "built in", null, List.of(), null, null));
        }
        return List.copyOf(out);
    }

    public static ModelLoader loader() {
        return new ModelLoader() {
            @Override
            public boolean supports(ModelManifest manifest) {
                return FORMAT.equals(manifest.format()) && ClassicalMethod.byId(manifest.id()).isPresent();
            }

            @Override
            public Upscaler load(ModelEntry entry) throws StudioException {
                ClassicalMethod method = ClassicalMethod.byId(entry.id()).orElseThrow(() -> new StudioException(
                        "There is no built-in resampler called " + entry.id() + "."));
                return new ClassicalUpscaler(method);
            }
        };
    }
}
