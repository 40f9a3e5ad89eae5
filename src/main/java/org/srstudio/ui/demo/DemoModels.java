package org.srstudio.ui.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.srstudio.core.model.Knob;
import org.srstudio.core.model.KnobName;
import org.srstudio.core.model.ModelFamily;
import org.srstudio.core.model.ModelManifest;
import org.srstudio.core.model.ModelRegistry;

/**
 * A model registry for demos and UI tests: three runnable Java2D resamplers (see {@link ResamplingRunner}) and
 * catalogue cards for a GAN and two diffusion models that are listed as not installed.
 */
public final class DemoModels {
    private DemoModels() {
    }

    public static ModelRegistry registry(Path modelsDir) {
        return new ModelRegistry(modelsDir, List.of(), List.of(
                classical("demo-nearest", "Nearest (Java2D)", "fastest"),
                classical("demo-bilinear", "Bilinear (Java2D)", "fast"),
                classical("demo-bicubic", "Bicubic (Java2D)", "fast")), catalogue());
    }

    /** The demo models plus a bicubic one that takes both XPSR prompts (for prompt editing without a GPU model). */
    public static ModelRegistry registryWithPrompts(Path modelsDir) {
        ModelManifest prompted = new ModelManifest("demo-prompted", "Bicubic with prompts (demo)", "1",
                ModelFamily.CLASSICAL, "builtin", List.of(4, 2), "fast", Map.of(
                        KnobName.PROMPT, Knob.text(""),
                        KnobName.PROMPT_LOW, Knob.text(""),
                        KnobName.TILE_SIZE, Knob.numeric(0, 0, 4096)),
                "Apache-2.0", null, null, null, null, null);
        return new ModelRegistry(modelsDir, List.of(), List.of(
                classical("demo-nearest", "Nearest (Java2D)", "fastest"),
                classical("demo-bicubic", "Bicubic (Java2D)", "fast"), prompted), catalogue());
    }

    static ModelManifest classical(String id, String name, String speed) {
        return new ModelManifest(id, name, "1", ModelFamily.CLASSICAL, "builtin", List.of(4, 2), speed,
                Map.of(KnobName.TILE_SIZE, Knob.numeric(0, 0, 4096)), "Apache-2.0", null, null, null, null, null);
    }

    static List<ModelManifest> catalogue() {
        ModelManifest esrgan = new ModelManifest("realesrgan-x4plus", "Real-ESRGAN x4plus", "0.1.0", ModelFamily.GAN,
                "pth", List.of(4), "medium", Map.of(KnobName.TILE_SIZE, Knob.numeric(0, 0, 2048)), "BSD-3-Clause",
                null, null, null, "Run 'srstudio models fetch realesrgan-x4plus' to download its weights.", null);
        ModelManifest osediff = new ModelManifest("osediff", "OSEDiff", "1", ModelFamily.ONE_STEP_DIFFUSION,
                "diffusion", List.of(4), "slow", Map.of(
                        KnobName.PROMPT, Knob.text(""),
                        KnobName.SEED, new Knob(null, 0.0, 4294967295.0, null, null),
                        KnobName.TILE_SIZE, Knob.numeric(512, 256, 1024),
                        KnobName.COLOR_FIX, new Knob(null, null, null, "adain", List.of("none", "adain", "wavelet"))),
                "Apache-2.0", null, null, null, "Needs the OSEDiff LoRA and SD 2.1 base; see docs/models.md.", null);
        ModelManifest supir = new ModelManifest("supir", "SUPIR", "1", ModelFamily.MULTI_STEP_DIFFUSION, "diffusion",
                List.of(2, 4), "very slow", Map.of(
                        KnobName.PROMPT, Knob.text("high quality, detailed"),
                        KnobName.NEGATIVE_PROMPT, Knob.text("blurry, noisy, painting"),
                        KnobName.GUIDANCE, Knob.numeric(7.5, 1, 15),
                        KnobName.STEPS, Knob.numeric(50, 10, 100),
                        KnobName.SEED, new Knob(null, 0.0, 4294967295.0, null, null),
                        KnobName.TILE_SIZE, Knob.numeric(1024, 512, 2048),
                        KnobName.COLOR_FIX, new Knob(null, null, null, "wavelet", List.of("none", "adain", "wavelet"))),
                "non-commercial", null, null, null, "Not installed: needs 24 GB of GPU memory and the SDXL weights.", null);
        return List.of(esrgan, osediff, supir);
    }
}
