package org.srstudio.engine;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.upscale.BandSink;
import org.srstudio.core.upscale.BandUpscaler;
import org.srstudio.engine.graph.DenseConcatChains;
import org.srstudio.engine.graph.Graph;
import org.srstudio.engine.graph.GraphAnalysis;
import org.srstudio.engine.graph.Op;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Graph} with DJL NDArray ops on the PyTorch engine, tile by tile. Weights are uploaded once and
 * live until {@link #close()}; each tile runs in its own child manager. Tiles are sized from a memory budget (or
 * the user's tile size), overlap by enough context that seams vanish, and are halved and retried when the engine
 * runs out of memory.
 *
 * <p>Gray input (one channel, e.g. an alpha plane) is copied to three channels, run, and the three output
 * channels are averaged back to one: the models are trained on RGB, and the mean is less biased than any one
 * channel.
 */
public final class GraphUpscaler implements BandUpscaler {
    /** Smallest tile core the retry loop goes down to before it gives up. */
    public static final int MIN_TILE = 16;
    /** Largest block glibc's malloc serves from its heap (its highest mmap threshold, 32 MiB on 64-bit). */
    static final long CPU_HEAP_BLOCK = 32L << 20;
    /** Below this core the padding costs more than page faults save, so the heap limit no longer shrinks tiles. */
    static final int MIN_HEAP_FRIENDLY_CORE = 128;
    /** System property with the engine's memory budget in MiB: network activations plus the output band. */
    public static final String BUDGET_PROPERTY = "srstudio.memoryBudgetMiB";
    /**
     * Most input pixels of context a tile gets: enough for the compact nets (SRVGGNetCompact x4 needs 34) to tile
     * exactly; deep nets (RRDBNet, margin ≈ 350) get this much and rely on the blend ramps, as their far context
     * barely matters.
     */
    public static final int MAX_CONTEXT = 40;
    /** Half-width of the blend ramp between tiles, in input pixels. */
    public static final int HALF_RAMP = 8;
    /** Estimated working memory over the live activations: convolution scratch, the tile's input and output. */
    private static final double WORKSPACE_FACTOR = 1.5;
    private static final Logger LOG = LoggerFactory.getLogger(GraphUpscaler.class);

    private final Graph graph;
    private final EngineDevice device;
    private final long memoryBudgetBytes;
    private final GraphAnalysis analysis;
    private final DenseConcatChains denseChains;
    private final NDManager weights;
    private final Map<Op, NDArray[]> params = new HashMap<>();
    private final Map<String, Integer> lastUse = new HashMap<>();

    public GraphUpscaler(Graph graph, EngineDevice device, long memoryBudgetBytes) {
        if (memoryBudgetBytes <= 0) {
            throw new IllegalArgumentException("The memory budget must be positive");
        }
        this.graph = graph;
        this.device = device;
        this.memoryBudgetBytes = memoryBudgetBytes;
        this.analysis = GraphAnalysis.of(graph.input(), graph.ops(), graph.output());
        this.denseChains = DenseConcatChains.of(graph.ops(), analysis.channels());
        this.weights = NDManager.newBaseManager(device.device(), "PyTorch");
        try {
            upload();
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
        List<Op> ops = graph.ops();
        for (int i = 0; i < ops.size(); i++) {
            for (String in : ops.get(i).inputs()) {
                lastUse.put(in, i);
            }
        }
    }

    /**
     * The {@value #BUDGET_PROPERTY} system property (MiB) when set; otherwise a quarter of the physical memory, at
     * most 4 GiB: room for the image buffers and the rest of the app.
     */
    public static long defaultMemoryBudget() {
        String chosen = System.getProperty(BUDGET_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            try {
                long mib = Long.parseLong(chosen.trim());
                if (mib >= 64) {
                    return mib << 20;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the default, with the warning below
            }
            LOG.warn("Ignoring -D{}={}: give a whole number of MiB, at least 64", BUDGET_PROPERTY, chosen);
        }
        long physical = 8L << 30;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        return Math.min(4L << 30, Math.max(256L << 20, physical / 4));
    }

    public Graph graph() {
        return graph;
    }

    public GraphAnalysis analysis() {
        return analysis;
    }

    @Override
    public String device() {
        return device.describe();
    }

    /** Estimated bytes to run one tile of the given input size. */
    public long tileBytes(int w, int h) {
        return (long) Math.ceil((double) w * h * analysis.peakFloatsPerPixel() * Float.BYTES * WORKSPACE_FACTOR);
    }

    @Override
    public FloatImage upscale(FloatImage input, int scale, ModelParameters parameters, JobContext context)
            throws StudioException, JobCancelledException {
        long outSamples = (long) input.channels() * input.width() * scale * input.height() * scale;
        if (outSamples > Integer.MAX_VALUE - 8) {
            throw new StudioException("The ×" + scale + " result of a " + input.width() + "×" + input.height()
                    + " image is too large to hold in memory; upscale a smaller image or crop it first.");
        }
        int outW = input.width() * scale;
        int outH = input.height() * scale;
        int channels = input.channels();
        float[][] out = new float[1][];
        upscaleInBands(input, scale, parameters, context, (y0, band) -> {
            if (y0 == 0 && band.height() == outH) {
                out[0] = band.data();
                return;
            }
            if (out[0] == null) {
                out[0] = new float[(int) outSamples];
            }
            int n = band.height() * outW;
            for (int c = 0; c < channels; c++) {
                System.arraycopy(band.data(), c * n, out[0], (c * outH + y0) * outW, n);
            }
        });
        return new FloatImage(outW, outH, channels, out[0]);
    }

    /**
     * The largest tile core whose network memory and output band (a row of tiles' output, held until it is handed
     * on) fit the budget together: for wide images the band, not the tile, is what fills memory.
     */
    private int firstCore(int w, int h, int userTile) {
        if (userTile > 0) {
            return userTile;
        }
        int whole = Math.max(w, h);
        if (workingBytes(w, h, whole) <= memoryBudgetBytes && fitsAllocatorHeap(w, h)) {
            return whole;
        }
        int lo = MIN_TILE;
        int hi = whole;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            int side = mid + 2 * context();
            if (workingBytes(w, h, mid) <= memoryBudgetBytes
                    && (fitsAllocatorHeap(Math.min(w, side), Math.min(h, side)) || mid <= MIN_HEAP_FRIENDLY_CORE)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Whether every activation of a w×h tile stays below {@link #CPU_HEAP_BLOCK} on the CPU. Larger blocks are
     * mapped fresh from the kernel and page-faulted in at every layer: measured for x4fast on 2 cores, a 578 px
     * tile spent 13 of its 16 s in the kernel, while 362 px tiles cost 45 µs per output pixel against 69. Only
     * networks that tile exactly (their whole receptive field inside the context) are split for this: deep ones
     * keep their larger tiles, whose results are closer to the untiled image.
     */
    private boolean fitsAllocatorHeap(int w, int h) {
        return device.isGpu() || graph.receptiveMargin() > MAX_CONTEXT || (double) w * h * analysis.largestBlobFloatsPerPixel() * Float.BYTES <= CPU_HEAP_BLOCK;
    }

    /** Estimated bytes to upscale a w×h image with the given tile core: one tile's network plus one output band. */
    long workingBytes(int w, int h, int core) {
        int pad = core >= Math.max(w, h) ? 0 : context();
        long tile = tileBytes(Math.min(w, core + 2 * pad), Math.min(h, core + 2 * pad));
        long bandRows = (long) Math.min(h, core) * graph.scale() + tailRows(HALF_RAMP);
        return tile + bandRows * w * graph.scale() * 3L * Float.BYTES;
    }

    private int context() {
        return Math.min(graph.receptiveMargin(), MAX_CONTEXT) + HALF_RAMP;
    }

    private TileGrid grid(int w, int h, int core) {
        if (core >= w && core >= h) {
            return new TileGrid(w, h, core, 0, 0);
        }
        int halfRamp = Math.min(HALF_RAMP, core / 4);
        int pad = Math.min(graph.receptiveMargin(), MAX_CONTEXT) + halfRamp;
        return new TileGrid(w, h, core, pad, halfRamp);
    }

    /**
     * Upscales a gray or RGB image and hands the output to {@code sink} band by band, so that only one row of tiles'
     * output is held at a time: the way to make results too large for one {@link FloatImage}.
     */
    @Override
    public void upscaleInBands(FloatImage input, int scale, ModelParameters parameters, JobContext context,
                               BandSink sink) throws StudioException, JobCancelledException {
        if (scale != graph.scale()) {
            throw new StudioException("Model " + graph.name() + " upscales ×" + graph.scale() + " only, not ×" + scale + ".");
        }
        if (input.channels() == 1) {
            upscaleInBands(input.toRgb(), scale, parameters, context, (y0, band) -> sink.accept(y0, averageChannels(band)));
            return;
        }
        if (input.channels() != 3) {
            throw new StudioException("Model " + graph.name() + " takes gray or RGB images, not " + input.channels() + " channels.");
        }
        device.prepareCurrentThread();
        context.note("device", device.describe());
        context.note("threads", Integer.toString(device.threads()));
        int core = firstCore(input.width(), input.height(), parameters.tileSize());
        while (true) {
            TileGrid grid = grid(input.width(), input.height(), core);
            try {
                run(input, grid, context, sink);
                context.note("tile", grid.isSingle() ? "whole image"
                        : core + " px, " + grid.pad() + " px context, " + grid.count() + " tiles");
                return;
            } catch (TileTooLargeException | OutOfMemoryError | EngineException e) {
                if (!(e instanceof TileTooLargeException) && !isOutOfMemory(e)) {
                    throw new StudioException("Model " + graph.name() + " failed: " + firstLine(e) + ".", e);
                }
                int smaller = Math.min(core, Math.max(input.width(), input.height())) / 2;
                if (smaller < MIN_TILE) {
                    throw new StudioException("Model " + graph.name() + " ran out of memory even with "
                            + MIN_TILE + "-pixel tiles; close other programs or raise the memory budget.", e);
                }
                LOG.info("Tile of {} px ran out of memory ({}); retrying with {} px", core, firstLine(e), smaller);
                context.note("tile-retry", "halved from " + core + " px to " + smaller + " px after running out of memory");
                core = smaller;
            }
        }
    }

    private void run(FloatImage input, TileGrid grid, JobContext context, BandSink sink)
            throws JobCancelledException, StudioException {
        int s = graph.scale();
        int outW = input.width() * s;
        int outH = input.height() * s;
        int[] rows = grid.rowCuts();
        List<TileGrid.Tile> tiles = grid.tiles(s);
        int columns = grid.columns();
        OutputRows previous = null;
        int bandStart = 0;
        for (int r = 0; r + 1 < rows.length; r++) {
            // rows above the next tile row's ramp get nothing more once this row is done: they form the band
            int done = r + 2 < rows.length ? (rows[r + 1] - grid.halfRamp()) * s : outH;
            OutputRows out = new OutputRows(outW, bandStart, done, Math.min(tailRows(grid.halfRamp()), outH - done));
            if (previous != null) {
                out.addCarried(previous);
            }
            for (int c = 0; c < columns; c++) {
                TileGrid.Tile tile = tiles.get(r * columns + c);
                context.checkCancelled();
                long need = tileBytes(tile.w(), tile.h());
                if (need > memoryBudgetBytes) {
                    throw new TileTooLargeException(need, memoryBudgetBytes);
                }
                FloatImage crop = grid.isSingle() ? input : input.crop(tile.x0(), tile.y0(), tile.w(), tile.h());
                out.accumulate(runTile(crop), tile, s);
                context.progress(0, 0, tile.index() + 1, tiles.size());
            }
            sink.accept(bandStart, out.band());
            previous = out;
            bandStart = done;
        }
    }

    /** Output rows below a band that its tile row's blend ramp still reaches. */
    private int tailRows(int halfRamp) {
        return (2 * halfRamp + 1) * graph.scale();
    }

    /** Runs the network on one RGB crop; returns its CHW output. */
    public float[] runTile(FloatImage crop) {
        try (NDManager tile = weights.newSubManager()) {
            NDArray x = tile.create(crop.data(), new Shape(1, 3, crop.height(), crop.width()));
            NDArray y = forward(x);
            return y.toFloatArray();
        }
    }

    private NDArray forward(NDArray x) {
        Map<String, NDArray> blobs = new HashMap<>();
        Map<Op, GrowingConcat> growing = new IdentityHashMap<>();
        blobs.put(graph.input(), x);
        List<Op> ops = graph.ops();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            NDArray y = op instanceof Op.Concat concat ? concat(concat, blobs, growing) : apply(op, blobs);
            blobs.put(op.outputs().get(0), y);
            for (String in : op.inputs()) {
                if (lastUse.get(in) == i && !in.equals(graph.output())) {
                    NDArray dead = blobs.remove(in);
                    if (dead != null && !isLive(dead, blobs)) {
                        dead.close();
                    }
                }
            }
        }
        return blobs.get(graph.output());
    }

    /** Concatenates along channels, into a chain's shared buffer when the concat is part of a dense chain. */
    private NDArray concat(Op.Concat concat, Map<String, NDArray> blobs, Map<Op, GrowingConcat> growing) {
        List<NDArray> inputs = concat.inputs().stream().map(blobs::get).toList();
        GrowingConcat chain = growing.remove(denseChains.extended(concat));
        if (chain != null) {
            NDArray view = chain.append(inputs.get(inputs.size() - 1));
            if (!chain.isComplete()) {
                growing.put(concat, chain);
            }
            return view;
        }
        int capacity = denseChains.capacityFrom(concat);
        if (capacity > 0 && inputs.get(0).getShape().get(0) == 1) {
            GrowingConcat started = new GrowingConcat(inputs, capacity);
            growing.put(concat, started);
            return started.view();
        }
        return NDArrays.concat(new NDList(inputs), 1);
    }

    private NDArray apply(Op op, Map<String, NDArray> blobs) {
        if (op instanceof Op.Conv2d conv) {
            NDArray[] wb = params.get(op);
            NDArray in = blobs.get(conv.input());
            NDArray y = in.getNDArrayInternal().convolution(in, wb[0], wb[1],
                    new Shape(conv.stride(), conv.stride()), new Shape(conv.padH(), conv.padW()),
                    new Shape(conv.dilation(), conv.dilation()), conv.groups()).singletonOrThrow();
            return activate(y, conv.activation(), wb.length > 2 ? wb[2] : null, true);
        }
        if (op instanceof Op.Activate act) {
            NDArray[] p = params.get(op);
            return activate(blobs.get(act.input()), act.activation(), p == null ? null : p[0], false);
        }
        if (op instanceof Op.Sum sum) {
            NDArray acc = null;
            boolean owned = false;
            for (int k = 0; k < sum.inputs().size(); k++) {
                NDArray term = blobs.get(sum.inputs().get(k));
                float c = sum.coeffs() == null ? 1f : sum.coeffs()[k];
                NDArray scaled = c == 1f ? term : term.mul(c);
                if (acc == null) {
                    acc = scaled;
                    owned = scaled != term;
                } else {
                    NDArray next = acc.add(scaled);
                    if (owned) {
                        acc.close();
                    }
                    if (scaled != term) {
                        scaled.close();
                    }
                    acc = next;
                    owned = true;
                }
            }
            return acc;
        }
        if (op instanceof Op.Binary b) {
            return binary(b, blobs);
        }
        if (op instanceof Op.Upsample up) {
            NDArray in = blobs.get(up.input());
            long[] size = {in.getShape().get(2) * up.factor(), in.getShape().get(3) * up.factor()};
            return in.getNDArrayInternal().interpolation(size, djlMode(up.mode()), false);
        }
        if (op instanceof Op.Resize r) {
            NDArray in = blobs.get(r.input());
            long[] size = {(long) Math.floor(in.getShape().get(2) * r.factor() + 1e-9),
                    (long) Math.floor(in.getShape().get(3) * r.factor() + 1e-9)};
            return in.getNDArrayInternal().interpolation(size, djlMode(r.mode()), false);
        }
        if (op instanceof Op.PixelShuffle ps) {
            NDArray in = blobs.get(ps.input());
            Shape s = in.getShape();
            long r = ps.factor();
            long n = s.get(0);
            long c = s.get(1) / (r * r);
            long h = s.get(2);
            long w = s.get(3);
            try (NDArray split = in.reshape(n, c, r, r, h, w); NDArray moved = split.transpose(0, 1, 4, 2, 5, 3)) {
                return moved.reshape(n, c, h * r, w * r);
            }
        }
        throw new IllegalStateException("Unknown op " + op.getClass().getSimpleName());
    }

    private static int djlMode(Op.Upsample.Mode mode) {
        // DJL's interpolation codes: 0 nearest, 1 bilinear, 3 bicubic
        return switch (mode) {
            case NEAREST -> 0;
            case BILINEAR -> 1;
            case BICUBIC -> 3;
        };
    }

    /** Applies an activation; {@code owned} inputs are closed once replaced. */
    private static NDArray activate(NDArray x, Op.Activation act, NDArray slopes, boolean owned) {
        NDArray y;
        if (act instanceof Op.NoActivation) {
            return owned ? x : x.duplicate();
        } else if (act instanceof Op.Relu) {
            y = Activation.relu(x);
        } else if (act instanceof Op.LeakyRelu lr) {
            y = Activation.leakyRelu(x, lr.slope());
        } else if (act instanceof Op.PRelu prelu) {
            if (slopesWithinUnit(prelu.slopes())) {
                // with 0 <= slope <= 1, max(x, slope·x) picks exactly what ncnn's branch picks, in two passes
                try (NDArray scaled = x.mul(slopes)) {
                    y = x.maximum(scaled);
                }
            } else {
                // where(x < 0, x * slope, x): the exact form of ncnn's PReLU
                try (NDArray negative = x.lt(0f); NDArray scaled = x.mul(slopes)) {
                    y = NDArrays.where(negative, scaled, x);
                }
            }
        } else {
            throw new IllegalStateException("Unknown activation " + act);
        }
        if (owned) {
            x.close();
        }
        return y;
    }

    private static NDArray binary(Op.Binary b, Map<String, NDArray> blobs) {
        NDArray left = blobs.get(b.left());
        if (b.right() != null) {
            NDArray right = blobs.get(b.right());
            return switch (b.kind()) {
                case ADD -> left.add(right);
                case SUB -> left.sub(right);
                case MUL -> left.mul(right);
                case DIV -> left.div(right);
                case MAX -> left.maximum(right);
                case MIN -> left.minimum(right);
                case RSUB -> right.sub(left);
                case RDIV -> right.div(left);
            };
        }
        float s = b.scalar();
        return switch (b.kind()) {
            case ADD -> left.add(s);
            case SUB -> left.sub(s);
            case MUL -> left.mul(s);
            case DIV -> left.div(s);
            case MAX -> left.maximum(s);
            case MIN -> left.minimum(s);
            case RSUB -> left.getNDArrayInternal().rsub(s);
            case RDIV -> left.getNDArrayInternal().rdiv(s);
        };
    }

    private void upload() {
        for (Op op : graph.ops()) {
            if (op instanceof Op.Conv2d conv) {
                NDArray w = weights.create(conv.weight().data(), new Shape(conv.weight().longShape()));
                int out = conv.weight().dim(0);
                NDArray b = weights.create(conv.bias() == null ? new float[out] : conv.bias(), new Shape(out));
                NDArray slopes = slopes(conv.activation());
                params.put(op, slopes == null ? new NDArray[] {w, b} : new NDArray[] {w, b, slopes});
            } else if (op instanceof Op.Activate act) {
                NDArray slopes = slopes(act.activation());
                if (slopes != null) {
                    params.put(op, new NDArray[] {slopes});
                }
            }
        }
    }

    private static boolean slopesWithinUnit(float[] slopes) {
        for (float slope : slopes) {
            if (!(slope >= 0f && slope <= 1f)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether another name still refers to this very array. By identity: {@code NDArray.equals} compares contents,
     * which for same-shaped activations meant reading whole tensors after every layer.
     */
    private static boolean isLive(NDArray array, Map<String, NDArray> blobs) {
        for (NDArray live : blobs.values()) {
            if (live == array) {
                return true;
            }
        }
        return false;
    }

    private NDArray slopes(Op.Activation act) {
        if (act instanceof Op.PRelu p) {
            float[] s = p.slopes();
            return s.length == 1 ? weights.create(s[0]) : weights.create(s, new Shape(1, s.length, 1, 1));
        }
        return null;
    }

    static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof TileTooLargeException) {
                return true;
            }
            // libtorch's c10::OutOfMemoryError reaches Java only as an EngineException carrying its text
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof EngineException && (m.contains("out of memory") || m.contains("outofmemory")
                    || m.contains("can't allocate memory") || m.contains("not enough memory"))) {
                return true;
            }
        }
        return false;
    }

    private static FloatImage averageChannels(FloatImage rgb) {
        int n = rgb.width() * rgb.height();
        float[] d = rgb.data();
        float[] gray = new float[n];
        for (int i = 0; i < n; i++) {
            gray[i] = (d[i] + d[n + i] + d[2 * n + i]) / 3f;
        }
        return new FloatImage(rgb.width(), rgb.height(), 1, gray);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    @Override
    public void close() {
        params.clear();
        weights.close();
    }

    @Override
    public String toString() {
        return "GraphUpscaler[" + graph.name() + " ×" + graph.scale() + " on " + device.describe() + "]";
    }

    /** For tests and tools: the tile grid this upscaler would use for an image, before any retry. */
    TileGrid plan(int w, int h, int userTile) {
        return grid(w, h, firstCore(w, h, userTile));
    }
}
