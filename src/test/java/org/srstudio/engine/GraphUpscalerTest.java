package org.srstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.engine.graph.Graph;

class GraphUpscalerTest {
    private static final long BIG_BUDGET = 1L << 30;
    private static EngineDevice cpu;
    private static Graph graph;
    private static GraphUpscaler upscaler;

    @BeforeAll
    static void load() throws Exception {
        cpu = EngineDevice.cpu(2);
        graph = SyntheticGraphs.everyOp(7);
        upscaler = new GraphUpscaler(graph, cpu, BIG_BUDGET);
    }

    @AfterAll
    static void close() {
        upscaler.close();
    }

    @Test
    void everyOpMatchesPlainJavaInterpreter() throws Exception {
        FloatImage img = SyntheticGraphs.randomImage(23, 17, 1);
        FloatImage out = upscaler.upscale(img, 2, ModelParameters.DEFAULTS, JobContext.NONE);
        float[] expected = NaiveGraphRunner.run(graph, 23, 17, img.data());
        assertThat(out.width()).isEqualTo(46);
        assertThat(out.height()).isEqualTo(34);
        assertThat(SyntheticGraphs.maxAbsDiff(out.data(), expected)).isLessThan(1e-5f);
    }

    @Test
    void tiledEqualsUntiled() throws Exception {
        FloatImage img = SyntheticGraphs.randomImage(70, 53, 2);
        FloatImage whole = upscaler.upscale(img, 2, ModelParameters.DEFAULTS, JobContext.NONE);
        RecordingContext ctx = new RecordingContext();
        FloatImage tiled = upscaler.upscale(img, 2, ModelParameters.DEFAULTS.withTileSize(16), ctx);
        assertThat(ctx.tiles.get()).isGreaterThan(4);
        assertThat(SyntheticGraphs.maxAbsDiff(tiled.data(), whole.data())).isLessThan(1e-4f);
    }

    @Test
    void outOfMemoryHalvesTheTileAndStillGetsItRight() throws Exception {
        int margin = graph.receptiveMargin();
        int pad = margin + GraphUpscaler.HALF_RAMP;
        try (GraphUpscaler small = new GraphUpscaler(graph, cpu, upscaler.tileBytes(32 + 2 * pad, 32 + 2 * pad))) {
            FloatImage img = SyntheticGraphs.randomImage(130, 100, 3);
            RecordingContext ctx = new RecordingContext();
            FloatImage out = small.upscale(img, 2, ModelParameters.DEFAULTS.withTileSize(64), ctx);
            assertThat(ctx.notes.get("tile-retry")).contains("from 64 px to 32 px");
            assertThat(ctx.notes.get("tile")).startsWith("32 px");
            FloatImage whole = upscaler.upscale(img, 2, ModelParameters.DEFAULTS, JobContext.NONE);
            assertThat(SyntheticGraphs.maxAbsDiff(out.data(), whole.data())).isLessThan(1e-4f);
        }
    }

    @Test
    void automaticTilesFitTheBudget() throws Exception {
        long budget = upscaler.tileBytes(60, 60);
        try (GraphUpscaler small = new GraphUpscaler(graph, cpu, budget)) {
            TileGrid grid = small.plan(200, 150, 0);
            assertThat(grid.isSingle()).isFalse();
            for (TileGrid.Tile t : grid.tiles(2)) {
                assertThat(small.tileBytes(t.w(), t.h())).isLessThanOrEqualTo(budget);
            }
        }
    }

    @Test
    void onAWideImageTheTileShrinksSoThatItsOutputBandFitsTheBudgetToo() throws Exception {
        long budget = upscaler.tileBytes(120, 120);
        try (GraphUpscaler small = new GraphUpscaler(graph, cpu, budget)) {
            FloatImage wide = SyntheticGraphs.randomImage(2000, 90, 4);
            int squareCore = small.plan(90, 90, 0).core();
            long[] largestBand = new long[1];
            List<Long> tileNeeds = new ArrayList<>();
            TileGrid grid = small.plan(2000, 90, 0);
            for (TileGrid.Tile t : grid.tiles(2)) {
                tileNeeds.add(small.tileBytes(t.w(), t.h()));
            }
            small.upscaleInBands(wide, 2, ModelParameters.DEFAULTS, JobContext.NONE, (y0, band) ->
                    largestBand[0] = Math.max(largestBand[0], (long) band.data().length * Float.BYTES));

            assertThat(grid.core()).isLessThan(squareCore);
            long largestTile = tileNeeds.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(largestTile + largestBand[0]).isLessThanOrEqualTo(budget);
        }
    }

    @Test
    void onTheCpuAutomaticTilesKeepEveryActivationSmallEnoughForTheAllocatorHeap() {
        double floatsPerPixel = upscaler.analysis().largestBlobFloatsPerPixel();
        TileGrid grid = upscaler.plan(3000, 3000, 0);

        assertThat(grid.isSingle()).isFalse();
        for (TileGrid.Tile t : grid.tiles(2)) {
            assertThat((double) t.w() * t.h() * floatsPerPixel * Float.BYTES).isLessThanOrEqualTo(GraphUpscaler.CPU_HEAP_BLOCK);
        }
        assertThat(upscaler.plan(200, 150, 0).isSingle()).isTrue();
    }

    @Test
    void theBudgetPropertyOverridesTheDefault() {
        String before = System.getProperty(GraphUpscaler.BUDGET_PROPERTY);
        try {
            System.setProperty(GraphUpscaler.BUDGET_PROPERTY, "768");
            assertThat(GraphUpscaler.defaultMemoryBudget()).isEqualTo(768L << 20);
            System.setProperty(GraphUpscaler.BUDGET_PROPERTY, "lots");
            assertThat(GraphUpscaler.defaultMemoryBudget()).isNotEqualTo(768L << 20).isGreaterThanOrEqualTo(256L << 20);
        } finally {
            if (before == null) {
                System.clearProperty(GraphUpscaler.BUDGET_PROPERTY);
            } else {
                System.setProperty(GraphUpscaler.BUDGET_PROPERTY, before);
            }
        }
    }

    @Test
    void bandsCoverTheOutputOnceInOrder() throws Exception {
        FloatImage img = SyntheticGraphs.randomImage(61, 47, 8);
        FloatImage whole = upscaler.upscale(img, 2, ModelParameters.DEFAULTS, JobContext.NONE);
        List<int[]> bands = new ArrayList<>();
        float[] joined = new float[whole.data().length];
        upscaler.upscaleInBands(img, 2, ModelParameters.DEFAULTS.withTileSize(16), JobContext.NONE, (y0, band) -> {
            bands.add(new int[] {y0, band.height()});
            int n = band.height() * band.width();
            for (int c = 0; c < 3; c++) {
                System.arraycopy(band.data(), c * n, joined, (c * whole.height() + y0) * whole.width(), n);
            }
        });
        assertThat(bands.size()).isGreaterThan(1);
        int next = 0;
        for (int[] b : bands) {
            assertThat(b[0]).isEqualTo(next);
            next += b[1];
        }
        assertThat(next).isEqualTo(whole.height());
        assertThat(SyntheticGraphs.maxAbsDiff(joined, whole.data())).isLessThan(1e-4f);
    }

    @Test
    void cancellationStopsWithinOneTile() {
        FloatImage img = SyntheticGraphs.randomImage(80, 80, 4);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger afterCancel = new AtomicInteger();
        JobContext ctx = new JobContext() {
            @Override
            public void checkCancelled() throws JobCancelledException {
                if (cancelled.get()) {
                    throw new JobCancelledException();
                }
            }

            @Override
            public void progress(int step, int steps, int tile, int tiles) {
                if (cancelled.get()) {
                    afterCancel.incrementAndGet();
                }
                if (tile == 2) {
                    cancelled.set(true);
                }
            }
        };
        assertThatThrownBy(() -> upscaler.upscale(img, 2, ModelParameters.DEFAULTS.withTileSize(16), ctx))
                .isInstanceOf(JobCancelledException.class);
        assertThat(afterCancel.get()).isZero();
    }

    @Test
    void grayInputComesBackGray() throws Exception {
        FloatImage rgb = SyntheticGraphs.randomImage(12, 9, 5);
        FloatImage gray = rgb.plane(0);
        FloatImage out = upscaler.upscale(gray, 2, ModelParameters.DEFAULTS, JobContext.NONE);
        FloatImage viaRgb = upscaler.upscale(gray.toRgb(), 2, ModelParameters.DEFAULTS, JobContext.NONE);
        assertThat(out.channels()).isEqualTo(1);
        int n = out.width() * out.height();
        float[] d = viaRgb.data();
        float expected = (d[5] + d[n + 5] + d[2 * n + 5]) / 3f;
        assertThat(out.data()[5]).isEqualTo(expected);
    }

    @Test
    void wrongScaleGivesSentence() {
        FloatImage img = SyntheticGraphs.randomImage(8, 8, 6);
        assertThatThrownBy(() -> upscaler.upscale(img, 4, ModelParameters.DEFAULTS, JobContext.NONE))
                .hasMessage("Model synthetic upscales ×2 only, not ×4.");
    }

    static final class RecordingContext implements JobContext {
        final AtomicInteger tiles = new AtomicInteger();
        final Map<String, String> notes = new HashMap<>();
        final List<String> events = new ArrayList<>();

        @Override
        public void checkCancelled() {
        }

        @Override
        public void progress(int step, int steps, int tile, int tiles) {
            this.tiles.set(tiles);
            events.add(tile + "/" + tiles);
        }

        @Override
        public void note(String key, String value) {
            notes.put(key, value);
        }
    }
}
