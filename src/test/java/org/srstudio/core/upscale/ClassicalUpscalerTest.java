package org.srstudio.core.upscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;

class ClassicalUpscalerTest {
    private static FloatImage noise(int w, int h, int channels, long seed) {
        Random random = new Random(seed);
        float[] data = new float[w * h * channels];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        return new FloatImage(w, h, channels, data);
    }

    private static FloatImage upscale(ClassicalMethod method, int threads, FloatImage in, int scale)
            throws Exception {
        return new ClassicalUpscaler(method, threads).upscale(in, scale, ModelParameters.DEFAULTS, JobContext.NONE);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8})
    void nearestReplicatesEachPixelIntoAScaleByScaleBlock(int scale) throws Exception {
        FloatImage in = noise(7, 5, 3, 1);
        FloatImage out = upscale(ClassicalMethod.NEAREST, 2, in, scale);

        assertThat(out.width()).isEqualTo(7 * scale);
        assertThat(out.height()).isEqualTo(5 * scale);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < out.height(); y++) {
                for (int x = 0; x < out.width(); x++) {
                    assertThat(out.get(c, x, y)).isEqualTo(in.get(c, x / scale, y / scale));
                }
            }
        }
    }

    @Test
    void bilinearInterpolatesLinearlyBetweenPixelCentresAndHoldsTheEdges() throws Exception {
        // A horizontal ramp 0, 1, 2, 3 (scaled): at scale 2, output x sits at input position (x + 0.5) / 2 - 0.5.
        FloatImage in = new FloatImage(4, 1, 1, new float[] {0f, 0.25f, 0.5f, 0.75f});
        FloatImage out = upscale(ClassicalMethod.BILINEAR, 1, in, 2);

        float[] expected = {0f, 0.0625f, 0.1875f, 0.3125f, 0.4375f, 0.5625f, 0.6875f, 0.75f};
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 2; y++) {
                assertThat(out.get(0, x, y)).as("x=%d y=%d", x, y).isCloseTo(expected[x], org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ClassicalMethod.class)
    void manyThreadsGiveExactlyTheSingleThreadedResult(ClassicalMethod method) throws Exception {
        FloatImage in = noise(61, 300, 3, 7);

        FloatImage single = upscale(method, 1, in, 3);
        FloatImage parallel = upscale(method, 4, in, 3);

        assertThat(parallel.data()).isEqualTo(single.data());
    }

    @ParameterizedTest
    @EnumSource(ClassicalMethod.class)
    void alonePlaneUpscalesLikeTheSameChannelOfAnRgbImage(ClassicalMethod method) throws Exception {
        FloatImage rgb = noise(17, 11, 3, 3);

        FloatImage all = upscale(method, 2, rgb, 4);
        FloatImage green = upscale(method, 2, rgb.plane(1), 4);

        assertThat(green.channels()).isEqualTo(1);
        assertThat(green.data()).isEqualTo(all.plane(1).data());
    }

    @ParameterizedTest
    @EnumSource(ClassicalMethod.class)
    void flatImagesStayFlatDownToOnePixel(ClassicalMethod method) throws Exception {
        for (int[] size : new int[][] {{1, 1}, {1, 5}, {6, 1}, {3, 2}}) {
            float[] data = new float[size[0] * size[1]];
            java.util.Arrays.fill(data, 0.375f);
            FloatImage out = upscale(method, 2, new FloatImage(size[0], size[1], 1, data), 8);

            assertThat(out.width()).isEqualTo(size[0] * 8);
            assertThat(out.height()).isEqualTo(size[1] * 8);
            for (float v : out.data()) {
                assertThat(v).isCloseTo(0.375f, org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void bicubicKeepsOvershootBeyondTheUnitRange() throws Exception {
        float[] step = new float[16];
        for (int i = 8; i < 16; i++) {
            step[i] = 1f;
        }
        FloatImage out = upscale(ClassicalMethod.BICUBIC, 1, new FloatImage(16, 1, 1, step), 2);

        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : out.data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isLessThan(0f);
        assertThat(max).isGreaterThan(1f);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9, 16})
    void scaleOutsideTwoToEightGivesSentence(int scale) {
        assertThatThrownBy(() -> upscale(ClassicalMethod.BICUBIC, 1, noise(4, 4, 3, 1), scale))
                .isInstanceOf(StudioException.class)
                .hasMessageContaining("bicubic")
                .hasMessageContaining("2 to 8")
                .hasMessageContaining(Integer.toString(scale));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void cancellationBetweenBandsStopsTheJob(int threads) {
        CountingContext context = new CountingContext(6);
        FloatImage in = noise(40, 200, 3, 5);

        assertThatThrownBy(() -> new ClassicalUpscaler(ClassicalMethod.LANCZOS, threads)
                .upscale(in, 2, ModelParameters.DEFAULTS, context))
                .isInstanceOf(JobCancelledException.class);

        assertThat(context.checks).as("no check after the one that cancelled").isEqualTo(6);
        assertThat(context.progress).isNotEmpty();
        int total = context.progress.get(0)[1];
        // One check precedes each band's start, so at most five bands ran, out of dozens.
        assertThat(context.progress.size()).as("bands finished").isLessThanOrEqualTo(5).isLessThan(total / 4);
    }

    @Test
    void progressCountsEveryBandUpToTheTotal() throws Exception {
        CountingContext context = new CountingContext(Integer.MAX_VALUE);
        new ClassicalUpscaler(ClassicalMethod.BICUBIC, 2).upscale(noise(30, 100, 3, 9), 2, ModelParameters.DEFAULTS,
                context);

        assertThat(context.progress).isNotEmpty();
        int total = context.progress.get(0)[1];
        assertThat(total).isGreaterThan(1);
        for (int i = 0; i < context.progress.size(); i++) {
            assertThat(context.progress.get(i)).containsExactly(i + 1, total);
        }
        assertThat(context.progress).hasSize(total);
        assertThat(context.checks).isEqualTo(total);
    }

    /** Throws on the {@code cancelAt}-th check; records (tile, tiles) of each progress report. */
    private static final class CountingContext implements JobContext {
        final int cancelAt;
        int checks;
        final List<int[]> progress = new ArrayList<>();

        CountingContext(int cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override
        public void checkCancelled() throws JobCancelledException {
            checks++;
            if (checks >= cancelAt) {
                throw new JobCancelledException();
            }
        }

        @Override
        public void progress(int step, int steps, int tile, int tiles) {
            progress.add(new int[] {tile, tiles});
        }
    }
}
