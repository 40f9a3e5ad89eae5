package org.srstudio.core.upscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelFamily;
import org.srstudio.core.model.ModelManifest;
import org.srstudio.core.model.ModelStatus;

class ClassicalModelsTest {
    @Test
    void listsTheFourResamplersAsFastClassicalModelsDefaultingToScaleFour() {
        List<ModelManifest> manifests = ClassicalModels.manifests();

        assertThat(manifests).extracting(ModelManifest::id)
                .containsExactlyInAnyOrder("nearest", "bilinear", "bicubic", "lanczos");
        for (ModelManifest m : manifests) {
            assertThat(m.family()).isEqualTo(ModelFamily.CLASSICAL);
            assertThat(m.format()).isEqualTo("builtin");
            assertThat(m.defaultScale()).isEqualTo(4);
            assertThat(m.scales()).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8);
            assertThat(m.speed()).isEqualTo("fast");
            assertThat(m.license()).isEqualTo("Apache-2.0");
            assertThat(m.knobs()).isEmpty();
        }
    }

    @Test
    void loaderReturnsTheResamplerNamedByTheManifest() throws Exception {
        var loader = ClassicalModels.loader();
        for (ModelManifest m : ClassicalModels.manifests()) {
            assertThat(loader.supports(m)).isTrue();
            try (Upscaler upscaler = loader.load(new ModelEntry(m, Optional.empty(), ModelStatus.INSTALLED, ""))) {
                assertThat(upscaler).isInstanceOf(ClassicalUpscaler.class);
                assertThat(((ClassicalUpscaler) upscaler).method().id()).isEqualTo(m.id());
            }
        }
    }

    @Test
    void loaderDeclinesOtherFormatsAndUnknownBuiltins() {
        var loader = ClassicalModels.loader();
        ModelManifest bicubic = ClassicalModels.manifests().stream().filter(m -> m.id().equals("bicubic")).findFirst()
                .orElseThrow();
        ModelManifest ncnn = new ModelManifest("bicubic", null, null, ModelFamily.GAN, "ncnn", List.of(4), null, null,
                null, null, null, null, null, null);
        ModelManifest unknown = new ModelManifest("hermite", null, null, ModelFamily.CLASSICAL, "builtin", List.of(4),
                null, null, null, null, null, null, null, null);

        assertThat(loader.supports(bicubic)).isTrue();
        assertThat(loader.supports(ncnn)).isFalse();
        assertThat(loader.supports(unknown)).isFalse();
    }
}
