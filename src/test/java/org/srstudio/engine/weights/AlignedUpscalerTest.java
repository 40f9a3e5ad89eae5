package org.srstudio.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.engine.EngineDevice;
import org.srstudio.engine.GraphUpscaler;

class AlignedUpscalerTest {
    @Test
    void mirrorReflectsAboutTheLastRowAndColumn() {
        FloatImage in = new FloatImage(3, 2, 1, new float[] {1, 2, 3, 4, 5, 6});
        FloatImage out = AlignedUpscaler.mirror(in, 4, 4);
        // x: 0 1 2 | 1   y: 0 1 | 0 0 (edge repeat once reflection runs out)
        assertThat(out.data()).containsExactly(1, 2, 3, 2, 4, 5, 6, 5, 1, 2, 3, 2, 1, 2, 3, 2);
    }

    @Test
    void imageTooLargeForOneTileIsRefusedWithASentence() throws Exception {
        StateDictModelLoader loader = new StateDictModelLoader();
        var entry = loader.describe(StateDictFixtures.path("rrdb_new_x2.pth")).orElseThrow();
        long budget = 1L << 20;
        try (AlignedUpscaler up = new AlignedUpscaler(new GraphUpscaler(loader.graph(entry), EngineDevice.cpu(1), budget),
                2, budget)) {
            assertThatThrownBy(() -> up.upscale(FloatImage.blank(401, 301, 3), 2, ModelParameters.DEFAULTS, JobContext.NONE))
                    .isInstanceOf(StudioException.class)
                    .hasMessageStartingWith("Model rrdb_new_x2 cannot yet split images into tiles, and this 401×301 image needs ")
                    .hasMessageEndingWith(" MiB where 1 MiB are allowed; crop or shrink it first.");
        }
    }
}
