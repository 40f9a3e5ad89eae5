package org.srstudio.core.job;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RequestValidationTest {
    @Test
    void negativeStepsAreRefusedWithASentence() {
        assertThatThrownBy(() -> new ModelParameters(null, null, null, 0, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Steps must be between 1 and 10000");
    }

    @Test
    void nonFiniteGuidanceIsRefused() {
        assertThatThrownBy(() -> new ModelParameters(null, null, Double.NaN, null, null, 0, null))
                .hasMessageContaining("Guidance scale");
    }

    @Test
    void tinyTilesAreRefused() {
        assertThatThrownBy(() -> ModelParameters.DEFAULTS.withTileSize(8)).hasMessageContaining("Tile size");
    }

    @Test
    void requestNeedsAModelAndASensibleScale() {
        assertThatThrownBy(() -> new UpscaleRequest(Path.of("a.png"), " ", 4, ModelParameters.DEFAULTS, OutputSettings.STORE_ONLY))
                .hasMessageContaining("model id");
        assertThatThrownBy(() -> new UpscaleRequest(Path.of("a.png"), "bicubic", 0, ModelParameters.DEFAULTS, OutputSettings.STORE_ONLY))
                .hasMessageContaining("Scale");
    }

    @Test
    void nameTemplateMustKeepInputsApartAndStayAFileName() {
        assertThatThrownBy(() -> new OutputSettings(Path.of("out"), "{model}.png", OutputFormat.PNG)).hasMessageContaining("{name}");
        assertThatThrownBy(() -> new OutputSettings(Path.of("out"), "../{name}.png", OutputFormat.PNG)).hasMessageContaining("file name");
    }
}
