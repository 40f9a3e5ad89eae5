package org.srstudio.engine.diffusion;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.srstudio.core.StudioException;
import org.srstudio.core.diffusion.FeatureMap;
import org.srstudio.core.diffusion.GroupNorm;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;

/**
 * Runs a VAE decoder or encoder split at its GroupNorms ({@link VaeBlocks}) with the blocks tiled and every GroupNorm
 * over the whole map, so the result equals the untiled network's while no call sees more than a tile plus its halo.
 *
 * <p>Why this is exact: a block's tile is cut from the full input map grown by the block's receptive radius (its
 * halo), clipped at the image edge where the block's own zero padding applies as in the untiled run; only the
 * output pixels of the tile proper are kept, and those saw exactly the context they would have seen untiled. Tiles
 * partition the map, so each output pixel is written once; for a downsampling block, tiles, halos and window corners
 * are kept on multiples of its factor so the strided grid is the untiled one. GroupNorm statistics are global because the runtime
 * computes them on the assembled map; that is the synchronisation the official Tiled VAE does across tiles.
 *
 * <p>Memory: native memory per call is bounded by the tile (plus halo) times the block's channels; the Java heap
 * holds the full maps still needed by later steps (a value is dropped after its last use), the same state the
 * official tiled VAE keeps for all its tiles between GroupNorms.
 */
final class TiledVae implements AutoCloseable {
    private final VaeBlocks blocks;
    private final NDManager manager;
    private final Map<String, TorchModule> modules = new LinkedHashMap<>();
    private final Map<VaeBlocks.Norm, GroupNorm> norms = new HashMap<>();

    private TiledVae(VaeBlocks blocks, NDManager manager) {
        this.blocks = blocks;
        this.manager = manager;
    }

    /** Loads the blocks' modules and GroupNorm constants from {@code folder}; tensors are made in sub-managers of {@code manager}. */
    static TiledVae load(VaeBlocks blocks, Path folder, Device device, NDManager manager) throws StudioException {
        TiledVae d = new TiledVae(blocks, manager);
        try {
            for (VaeBlocks.Step s : blocks.steps()) {
                if (s instanceof VaeBlocks.Block b && !d.modules.containsKey(b.module())) {
                    d.modules.put(b.module(), TorchModule.load("VAE block " + b.module(), folder.resolve(b.module()), device));
                } else if (s instanceof VaeBlocks.Norm n) {
                    d.norms.put(n, new GroupNorm(n.groups(), n.eps(), Float32File.read(folder.resolve(n.weightFile())),
                            Float32File.read(folder.resolve(n.biasFile()))));
                }
            }
            return d;
        } catch (IllegalArgumentException e) {
            d.close();
            throw new StudioException("The VAE blocks in " + folder + " are inconsistent (" + TorchModule.firstLine(e) + ").", e);
        } catch (StudioException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /**
     * Runs the network on {@code input} (a decoder's z with scaling undone, or an encoder's image in [−1,1]); reports
     * progress as tile k of all block calls (step 0 of 0: this phase has no sampler steps) and checks cancellation
     * before every call.
     */
    FeatureMap run(FeatureMap input, JobContext ctx) throws StudioException, JobCancelledException {
        List<VaeBlocks.Step> steps = blocks.steps();
        Map<String, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            for (String in : steps.get(i).inputs()) {
                lastUse.put(in, i);
            }
        }
        Map<String, FeatureMap> values = new HashMap<>();
        values.put(blocks.input(), input);
        int total = plannedCalls(input);
        int[] done = {0};
        FeatureMap last = null;
        for (int i = 0; i < steps.size(); i++) {
            VaeBlocks.Step s = steps.get(i);
            List<FeatureMap> in = new ArrayList<>();
            for (String name : s.inputs()) {
                in.add(values.get(name));
            }
            last = s instanceof VaeBlocks.Block b ? run(b, in, ctx, done, total) : norms.get((VaeBlocks.Norm) s).apply(in.get(0));
            for (String name : s.inputs()) {
                if (lastUse.get(name) == i) {
                    values.remove(name);
                }
            }
            values.put(s.output(), last);
        }
        return last;
    }

    /** How many module calls a run on {@code input} makes, following the map sizes through the chain. */
    private int plannedCalls(FeatureMap input) {
        Map<String, int[]> size = new HashMap<>();
        size.put(blocks.input(), new int[] {input.height(), input.width()});
        int calls = 0;
        for (VaeBlocks.Step s : blocks.steps()) {
            int[] hw = size.get(s.inputs().get(0));
            if (s instanceof VaeBlocks.Block b) {
                int tile = tileOf(b);
                calls += b.tiled() ? ceilDiv(hw[0], tile) * ceilDiv(hw[1], tile) : 1;
                hw = new int[] {hw[0] * b.scale() / b.down(), hw[1] * b.scale() / b.down()};
            }
            size.put(s.output(), hw);
        }
        return calls;
    }

    private FeatureMap run(VaeBlocks.Block b, List<FeatureMap> in, JobContext ctx, int[] done, int total)
            throws StudioException, JobCancelledException {
        TorchModule module = modules.get(b.module());
        FeatureMap first = in.get(0);
        int h = first.height();
        int w = first.width();
        for (FeatureMap m : in) {
            if (m.height() != h || m.width() != w) {
                throw new StudioException("The VAE block " + b.module() + " takes inputs of different sizes ("
                        + w + "x" + h + " and " + m.width() + "x" + m.height() + ").");
            }
        }
        int d = b.down();
        if (h % d != 0 || w % d != 0) {
            throw new StudioException("The VAE block " + b.module() + " downsamples by " + d + " but its input is " + w + "x" + h + ".");
        }
        int tile = b.tiled() ? tileOf(b) : Math.max(h, w);
        int halo = roundUp(b.halo(), d);
        FeatureMap out = null;
        for (int y0 = 0; y0 < h; y0 += tile) {
            for (int x0 = 0; x0 < w; x0 += tile) {
                ctx.checkCancelled();
                int tw = Math.min(tile, w - x0);
                int th = Math.min(tile, h - y0);
                int cx = Math.max(0, x0 - halo);
                int cy = Math.max(0, y0 - halo);
                int cw = Math.min(w, x0 + tw + halo) - cx;
                int ch = Math.min(h, y0 + th + halo) - cy;
                FeatureMap piece = call(module, b, in, cx, cy, cw, ch);
                int s = b.scale();
                if (out == null) {
                    out = FeatureMap.zeros(piece.channels(), h * s / d, w * s / d);
                }
                out.paste(piece, (x0 - cx) * s / d, (y0 - cy) * s / d, tw * s / d, th * s / d, x0 * s / d, y0 * s / d);
                ctx.progress(0, 0, ++done[0], total);
            }
        }
        return out;
    }

    /** The tile side of a block: the configured one, rounded up to its downsampling factor so tiles keep its grid. */
    private int tileOf(VaeBlocks.Block b) {
        return roundUp(blocks.tile(), b.down());
    }

    private static int roundUp(int v, int multiple) {
        return (v + multiple - 1) / multiple * multiple;
    }

    /** One call on the window (cx, cy, cw, ch) of every input; the output must be that window times the block's scale. */
    private FeatureMap call(TorchModule module, VaeBlocks.Block b, List<FeatureMap> in, int cx, int cy, int cw, int ch)
            throws StudioException {
        try (NDManager sm = manager.newSubManager()) {
            NDList args = new NDList(in.size());
            for (FeatureMap m : in) {
                FeatureMap win = cw == m.width() && ch == m.height() ? m : m.window(cx, cy, cw, ch);
                args.add(sm.create(win.data(), new Shape(1, win.channels(), ch, cw)));
            }
            NDArray out = module.forward(args).get(0);
            Shape s = out.getShape();
            if (s.dimension() != 4 || s.get(0) != 1 || s.get(2) != (long) ch * b.scale() / b.down() || s.get(3) != (long) cw * b.scale() / b.down()) {
                throw new StudioException("The VAE block " + b.module() + " returned shape " + s + " for a " + cw + "x" + ch
                        + " input; its scale is " + b.scale() + " and its down factor " + b.down() + ".");
            }
            return new FeatureMap((int) s.get(1), (int) s.get(2), (int) s.get(3), out.toFloatArray());
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    long forwardNanos() {
        return modules.values().stream().mapToLong(TorchModule::forwardNanos).sum();
    }

    void resetTimers() {
        modules.values().forEach(TorchModule::resetTimer);
    }

    @Override
    public void close() {
        modules.values().forEach(TorchModule::close);
        modules.clear();
    }
}
