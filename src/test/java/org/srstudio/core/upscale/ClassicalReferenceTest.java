package org.srstudio.core.upscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;

/**
 * Compares the resamplers with PIL's {@code Image.resize} on mode 'F' planes, made by
 * tools/fixtures/make_classical_reference.py. PIL accumulates in double with double weights, we in float with
 * float weights, so values agree to about 1e-6; the tolerance of 2e-5 (0.005 of an 8-bit level) leaves room
 * for that and nothing else: a wrong tap, centre or border rule moves values by whole percents.
 */
class ClassicalReferenceTest {
    private static final int W = 13;
    private static final int H = 9;
    private static final float TOLERANCE = 2e-5f;

    @ParameterizedTest(name = "{0} x{1}")
    @CsvSource({"bicubic,2", "bicubic,3", "lanczos,2", "lanczos,3", "bilinear,2", "bilinear,3"})
    void resamplerAgreesWithPil(String id, int scale) throws Exception {
        FloatImage input = input();
        float[] expected = floats(id + "_x" + scale + ".f32");
        FloatImage out = new ClassicalUpscaler(ClassicalMethod.byId(id).orElseThrow(), 2)
                .upscale(input, scale, ModelParameters.DEFAULTS, JobContext.NONE);

        assertThat(out.width()).isEqualTo(W * scale);
        assertThat(out.height()).isEqualTo(H * scale);
        assertThat(out.data().length).isEqualTo(expected.length);
        float worst = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            float d = Math.abs(out.data()[i] - expected[i]);
            if (d > worst) {
                worst = d;
                worstAt = i;
            }
        }
        assertThat(worst).as("largest difference from PIL, at sample %d", worstAt).isLessThanOrEqualTo(TOLERANCE);
    }

    static FloatImage input() throws IOException {
        byte[] bytes = resource("input_rgb8.bin");
        assertThat(bytes).hasSize(W * H * 3);
        float[] data = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (bytes[i] & 0xff) / 255f;
        }
        return new FloatImage(W, H, 3, data);
    }

    private static float[] floats(String name) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(resource(name)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[buffer.remaining() / 4];
        buffer.asFloatBuffer().get(out);
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ClassicalReferenceTest.class.getResourceAsStream("/fixtures/classical/" + name)) {
            assertThat(in).as("fixture %s (run tools/fixtures/make_classical_reference.py)", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
