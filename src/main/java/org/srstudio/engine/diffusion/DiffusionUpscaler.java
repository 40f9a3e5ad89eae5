package org.srstudio.engine.diffusion;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.srstudio.core.StudioException;
import org.srstudio.core.diffusion.ColorCorrection;
import org.srstudio.core.diffusion.FeatureMap;
import org.srstudio.core.diffusion.Guidance;
import org.srstudio.core.diffusion.LatentTiling;
import org.srstudio.core.diffusion.NoiseSource;
import org.srstudio.core.diffusion.Sampler;
import org.srstudio.core.diffusion.SamplerFactory;
import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.ColorFix;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.model.Knob;
import org.srstudio.core.model.KnobName;
import org.srstudio.core.model.ModelManifest;
import org.srstudio.core.upscale.Upscaler;

/**
 * Runs an exported diffusion SR folder (docs/model-format.md, "diffusion"): preprocessing, prompts, VAE encoding with
 * posterior sampling, the sampler loop with classifier-free guidance, expert routing and Gaussian-weighted latent
 * tiles, VAE decoding (tiled when the folder declares its decoder as blocks) and colour fix. Sampler maths run on
 * float arrays (core.diffusion); only network calls go through DJL. The per-call inputs (latent window, timestep) are
 * tensors made once per image and rewritten in place, and each call's outputs are closed as soon as they are read, so
 * a step costs no tensor creation and nothing accumulates across steps. What does not change between images (the
 * training schedule, prompt embeddings, constants) is kept per loaded model.
 *
 * <p>Random numbers are drawn from one {@link NoiseSource} per image in a fixed order: VAE posterior noise, initial
 * noise (one draw, plus one for extra_noise_t), then whatever the sampler's steps draw.
 */
public final class DiffusionUpscaler implements Upscaler {
    private final ModelManifest manifest;
    private final DiffusionSpec spec;
    private final Path folder;
    private final Device device;
    private final int threads;
    private final String deviceName;
    private final NDManager root;
    private final Map<String, TorchModule> modules = new HashMap<>();
    private final Map<String, NDArray> constants = new HashMap<>();
    private final SamplerFactory samplers;
    private final PromptEmbeddings prompts;
    private final TiledVae tiledEncoder;
    private final TiledVae tiledDecoder;
    private LongFunction<NoiseSource> noiseFactory = NoiseSource::seeded;

    DiffusionUpscaler(ModelManifest manifest, DiffusionSpec spec, Path folder, Device device, int threads, String deviceName)
            throws StudioException {
        this.manifest = manifest;
        this.spec = spec;
        this.folder = folder;
        this.device = device;
        this.threads = threads;
        this.deviceName = deviceName;
        this.root = NDManager.newBaseManager(device, "PyTorch");
        this.samplers = new SamplerFactory(spec.sampler());
        PromptEmbeddings text = null;
        TiledVae encoderBlocks = null;
        TiledVae decoderBlocks = null;
        try {
            for (Map.Entry<String, String> m : spec.modules().entrySet()) {
                modules.put(m.getKey(), TorchModule.load(m.getKey(), folder.resolve(m.getValue()), device));
            }
            for (DiffusionSpec.Expert x : spec.experts()) {
                if (!modules.containsKey(x.module())) {
                    modules.put(x.module(), TorchModule.load("expert " + x.module(), folder.resolve(x.module()), device));
                }
            }
            for (Map.Entry<String, DiffusionSpec.Constant> c : spec.text().embeddings().entrySet()) {
                constants.put(c.getKey(), readConstant(folder.resolve(c.getValue().file()), c.getValue().shape()));
            }
            if (spec.text().runtime()) {
                if (!modules.containsKey("text_encoder")) {
                    throw new StudioException("Model " + manifest.id() + " encodes prompts at run time but has no text_encoder module.");
                }
                text = new PromptEmbeddings(PromptTokenizer.open(folder.resolve(spec.text().tokenizer()), spec.text()),
                        modules.get("text_encoder"), root);
            }
            if (spec.vaeEncoderBlocks() != null) {
                encoderBlocks = TiledVae.load(spec.vaeEncoderBlocks(), folder, device, root);
            }
            if (spec.vaeDecoderBlocks() != null) {
                decoderBlocks = TiledVae.load(spec.vaeDecoderBlocks(), folder, device, root);
            }
        } catch (StudioException | RuntimeException e) {
            if (text != null) {
                text.close();
            }
            if (encoderBlocks != null) {
                encoderBlocks.close();
            }
            closeModules();
            throw e;
        }
        this.prompts = text;
        this.tiledEncoder = encoderBlocks;
        this.tiledDecoder = decoderBlocks;
    }

    /** Replaces the seeded noise (tests replay noise recorded by the Python reference). */
    void noiseFactory(LongFunction<NoiseSource> factory) {
        this.noiseFactory = factory;
    }

    /** Total time spent inside TorchScript forward calls since the last reset (benchmarks subtract it from wall time). */
    public long forwardNanos() {
        long blocks = 0;
        for (TiledVae t : new TiledVae[] {tiledEncoder, tiledDecoder}) {
            blocks += t == null ? 0 : t.forwardNanos();
        }
        return blocks + modules.values().stream().mapToLong(TorchModule::forwardNanos).sum();
    }

    /** Forward calls of one module since the last reset (tests check what is cached). */
    int calls(String module) {
        return modules.get(module).calls();
    }

    public void resetTimers() {
        modules.values().forEach(TorchModule::resetTimer);
        for (TiledVae t : new TiledVae[] {tiledEncoder, tiledDecoder}) {
            if (t != null) {
                t.resetTimers();
            }
        }
    }

    @Override
    public String device() {
        return deviceName;
    }

    @Override
    public FloatImage upscale(FloatImage input, int scale, ModelParameters parameters, JobContext context)
            throws StudioException, JobCancelledException {
        if (!device.isGpu() && JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
        FloatImage rgb = input.channels() == 3 ? input : toRgb(input);
        FloatImage out;
        try (NDManager gen = root.newSubManager()) {
            out = new Run(rgb, scale, parameters == null ? ModelParameters.DEFAULTS : parameters, context, gen).execute();
        } catch (RuntimeException e) {
            throw new StudioException("Model " + manifest.id() + " failed (" + TorchModule.firstLine(e) + ").", e);
        }
        return input.channels() == 3 ? out : toGray(out);
    }

    /** One image's run; fields hold what the steps share. */
    private final class Run {
        private final FloatImage lr;
        private final int scale;
        private final ModelParameters p;
        private final JobContext ctx;
        private final NDManager gen;
        private final DiffusionSpec.Latent lat = spec.latent();
        private final Map<String, NDArray> embeds = new HashMap<>();
        private final Map<String, NDArray> runInputs = new HashMap<>();
        /** Rewritten each call, by batch size (1 or 2): the latent window and the timestep. */
        private final HostTensor[] latentIn = new HostTensor[3];
        private final HostTensor[] timestepIn = new HostTensor[3];
        private NDArray deg;
        private NDArray condScale;
        private float[] ctrlImage;
        private float[] condImage;
        private int lh;
        private int lw;
        private boolean cfg;
        private float g;

        Run(FloatImage lr, int scale, ModelParameters p, JobContext ctx, NDManager gen) {
            this.lr = lr;
            this.scale = scale;
            this.p = p;
            this.ctx = ctx;
            this.gen = gen;
        }

        FloatImage execute() throws StudioException, JobCancelledException {
            DiffusionSpec.Preprocess pre = spec.preprocess();
            int outW = lr.width() * scale;
            int outH = lr.height() * scale;
            FloatImage up = TorchResize.resize(lr, outW, outH, pre.upsample());
            FloatImage reference = up;
            int m = pre.minShortSide();
            if (m > 0 && Math.min(outW, outH) < m) {
                up = outW <= outH ? TorchResize.resize(up, m, (int) ((long) m * outH / outW), pre.upsample())
                        : TorchResize.resize(up, (int) ((long) m * outW / outH), m, pre.upsample());
            }
            int mult = pre.multiple();
            int workW = up.width();
            int workH = up.height();
            if (!pre.pad()) {
                if (workW < mult || workH < mult) {
                    throw new StudioException("Model " + manifest.id() + " needs an output of at least " + mult + " pixels a side.");
                }
                up = TorchResize.resize(up, workW / mult * mult, workH / mult * mult, pre.upsample());
                workW = up.width();
                workH = up.height();
            } else {
                up = TorchResize.padReflect(up, Math.floorMod(-workW, mult), Math.floorMod(-workH, mult));
            }
            float[] image = new float[up.data().length];
            for (int k = 0; k < image.length; k++) {
                image[k] = clamp(up.data()[k] * 2f - 1f, -1f, 1f);
            }
            int down = lat.downscale();
            lh = up.height() / down;
            lw = up.width() / down;
            long seed = p.seed() != null ? p.seed() : new java.util.SplittableRandom().nextLong();
            ctx.note("seed", Long.toString(seed));
            NoiseSource noise = noiseFactory.apply(seed);

            if (modules.containsKey("degradation")) {
                NDArray lrArr = gen.create(lr.data(), new Shape(1, 3, lr.height(), lr.width()));
                deg = modules.get("degradation").forward(new NDList(lrArr)).get(0);
            }
            prepareText();
            Sampler sampler = samplers.create(stepsFor());
            float[] z0 = encode(image, up.width(), up.height(), noise);
            float[] x = initialLatent(sampler, z0, noise);
            g = (float) (p.guidanceScale() != null ? p.guidanceScale().doubleValue()
                    : spec.guidance() != null ? spec.guidance().defaultScale() : 1.0);
            cfg = spec.guidance() != null && g != 1f;
            if (spec.guidance() == null && p.guidanceScale() != null) {
                ctx.note("guidance", "ignored: this model has no classifier-free guidance");
            }
            if (cfg && !embeds.containsKey("negative")) {
                throw new StudioException("Model " + manifest.id() + " has no negative prompt embedding, so guidance must stay at 1.");
            }
            if (spec.uses("ctrl")) {
                ctrlImage = up.data();
            }
            if (spec.uses("cond")) {
                FloatImage c = TorchResize.resize(lr, lw, lh, pre.upsample());
                condImage = new float[c.data().length];
                for (int k = 0; k < condImage.length; k++) {
                    condImage[k] = clamp(c.data()[k] * 2f - 1f, -1f, 1f);
                }
            }
            condScale = gen.create(new float[] {(float) spec.conditioningScale()}, new Shape(1));

            int[][] boxes = tiles();
            int side = boxes.length > 1 ? boxes[0][2] : 0;
            LatentTiling.Blender blend = boxes.length > 1 ? new LatentTiling.Blender(lat.channels(), lw, lh, side) : null;
            int steps = sampler.steps();
            for (int i = 0; i < steps; i++) {
                ctx.checkCancelled();
                float t = sampler.timestep(i);
                TorchModule module = denoiserFor(t);
                float[] xin = sampler.scaleModelInput(x, i);
                float[] pred;
                if (boxes.length == 1) {
                    pred = predict(module, xin, t, 0, 0, 0, lw, lh);
                    ctx.progress(i + 1, steps, 1, 1);
                } else {
                    blend.reset();
                    for (int k = 0; k < boxes.length; k++) {
                        if (k > 0) {
                            ctx.checkCancelled();
                        }
                        float[] tile = LatentTiling.crop(xin, lat.channels(), lw, lh, boxes[k][0], boxes[k][1], side);
                        blend.add(predict(module, tile, t, k, boxes[k][0], boxes[k][1], side, side), boxes[k][0], boxes[k][1]);
                        ctx.progress(i + 1, steps, k + 1, boxes.length);
                    }
                    pred = blend.result();
                }
                x = sampler.step(pred, i, x, noise);
                if (spec.previewMatrix() != null) {
                    ctx.preview(previewOf(x));
                }
            }
            ctx.checkCancelled();
            FloatImage decoded = decode(x, image, up.width(), up.height());
            FloatImage result = TorchResize.crop(decoded, workW, workH);
            result = clamp01(TorchResize.resize(result, outW, outH, pre.upsample()));
            ColorFix fix = p.colorFix() != null ? p.colorFix() : spec.colorFix();
            return switch (fix) {
                case ADAIN -> ColorCorrection.adain(result, reference);
                case WAVELET -> ColorCorrection.wavelet(result, reference);
                case NONE -> result;
            };
        }

        private int stepsFor() {
            if (spec.sampler().isOneStep()) {
                if (p.steps() != null && p.steps() != 1) {
                    ctx.note("steps", "1 (this model's sampler takes exactly one step)");
                }
                return 1;
            }
            return p.steps() != null ? p.steps() : spec.sampler().defaultSteps();
        }

        private void prepareText() throws StudioException {
            DiffusionSpec.Text text = spec.text();
            if (text.constant()) {
                constants.forEach(embeds::put);
                if (embeds.containsKey("pooled") && !embeds.containsKey("pooled_negative") && embeds.containsKey("negative")) {
                    embeds.put("pooled_negative", embeds.get("pooled"));
                }
                if (p.prompt() != null && !p.prompt().isBlank()) {
                    ctx.note("prompt", "ignored: this model uses fixed prompt embeddings");
                }
            } else if (text.runtime()) {
                embeds.put("positive", prompts.of(orDefault(p.prompt(), KnobName.PROMPT)));
                embeds.put("negative", prompts.of(orDefault(p.negativePrompt(), KnobName.NEGATIVE_PROMPT)));
                if (spec.uses("low")) {
                    embeds.put("low", prompts.of(orDefault(p.lowLevelPrompt(), KnobName.PROMPT_LOW)));
                    embeds.put("low_negative", prompts.of(text.lowNegativePrompt()));
                }
            }
            for (String need : List.of("text", "low", "pooled")) {
                String key = need.equals("text") ? "positive" : need;
                if (spec.uses(need) && !embeds.containsKey(key)) {
                    throw new StudioException("Model " + manifest.id() + " feeds '" + need + "' to its denoiser but provides no " + key + " embedding.");
                }
            }
        }

        private String orDefault(String value, String knob) {
            if (value != null) {
                return value;
            }
            Knob k = manifest.knobs().get(knob);
            return k != null && k.defaultText() != null ? k.defaultText() : "";
        }

        private float[] encode(float[] image, int w, int h, NoiseSource noise) throws StudioException, JobCancelledException {
            TorchModule enc = modules.get("vae_encoder");
            if (enc == null && tiledEncoder == null) {
                return null;
            }
            float[] moments = tiledEncoder != null ? tiledEncoder.run(new FeatureMap(3, h, w, image), ctx).data()
                    : encodeWhole(enc, image, w, h);
            int n = lat.channels() * lh * lw;
            if (moments.length < n) {
                throw new StudioException("The VAE encoder of model " + manifest.id() + " returned " + moments.length
                        + " values where a " + lat.channels() + "x" + lh + "x" + lw + " latent was expected.");
            }
            float[] z = new float[n];
            if (lat.samplePosterior()) {
                if (moments.length != 2 * n) {
                    throw new StudioException("The VAE encoder of model " + manifest.id() + " must return mean and log-variance to sample its posterior.");
                }
                float[] e = noise.next(n);
                for (int k = 0; k < n; k++) {
                    float std = (float) Math.exp(0.5f * clamp(moments[n + k], -30f, 20f));
                    z[k] = moments[k] + std * e[k];
                }
            } else {
                System.arraycopy(moments, 0, z, 0, n);
            }
            for (int k = 0; k < n; k++) {
                z[k] = (z[k] - lat.shiftFactor()) * lat.scalingFactor();
            }
            return z;
        }

        private float[] encodeWhole(TorchModule enc, float[] image, int w, int h) throws StudioException {
            try (NDManager sm = gen.newSubManager()) {
                NDList in = new NDList();
                NDArray img = sm.create(image, new Shape(1, 3, h, w));
                for (String name : spec.encoderInputs()) {
                    in.add(switch (name) {
                        case "image" -> img;
                        case "deg" -> requireDeg();
                        default -> throw new IllegalArgumentException("unknown encoder input '" + name + "'");
                    });
                }
                return enc.forward(in).get(0).toFloatArray();
            }
        }

        private float[] initialLatent(Sampler sampler, float[] z0, NoiseSource noise) {
            int n = lat.channels() * lh * lw;
            switch (spec.init().type()) {
                case "pure_noise" -> {
                    float[] x = noise.next(n);
                    float s = sampler.initNoiseSigma();
                    if (s != 1f) {
                        for (int k = 0; k < n; k++) {
                            x[k] *= s;
                        }
                    }
                    return x;
                }
                case "lr_latent" -> {
                    return z0;
                }
                default -> {
                    float[] x = sampler.addNoise(z0, noise.next(n), sampler.timestep(0));
                    if (spec.init().extraNoiseT() >= 0) {
                        x = sampler.addNoise(x, noise.next(n), spec.init().extraNoiseT());
                    }
                    return x;
                }
            }
        }

        private NDArray requireDeg() {
            if (deg == null) {
                throw new IllegalArgumentException("the 'deg' input needs a degradation module");
            }
            return deg;
        }

        private int[][] tiles() {
            int tile = spec.latentTile();
            if (p.tileSize() > 0) {
                tile = Math.max(1, Math.round((float) p.tileSize() * scale / lat.downscale()));
            }
            if (tile <= 0 || !LatentTiling.needed(lw, lh, tile)) {
                return new int[][] {{0, 0, 0}};
            }
            tile = Math.min(tile, Math.min(lw, lh));
            int overlap = Math.min(spec.tileOverlap(), tile - 1);
            int[] ys = LatentTiling.origins(lh, tile, overlap);
            int[] xs = LatentTiling.origins(lw, tile, overlap);
            List<int[]> boxes = new ArrayList<>();
            for (int y : ys) {
                for (int x : xs) {
                    boxes.add(new int[] {x, y, tile});
                }
            }
            return boxes.toArray(new int[0][]);
        }

        private TorchModule denoiserFor(float t) throws StudioException {
            for (DiffusionSpec.Expert x : spec.experts()) {
                if (t >= x.tMin() && t < x.tMax()) {
                    return modules.get(x.module());
                }
            }
            TorchModule d = modules.get("denoiser");
            if (d == null) {
                throw new StudioException("Model " + manifest.id() + " has no expert for timestep " + t + ".");
            }
            return d;
        }

        /** The guided prediction for latent window {@code tile} at (x0, y0) of size w×h (tile 0 when untiled). */
        private float[] predict(TorchModule module, float[] x, float t, int tile, int x0, int y0, int w, int h)
                throws StudioException {
            if (!cfg) {
                return call(module, x, t, tile, x0, y0, w, h, 1, Branch.COND);
            }
            if (spec.guidance().batched()) {
                return Guidance.combineBatched(call(module, x, t, tile, x0, y0, w, h, 2, Branch.BOTH), g);
            }
            float[] u = call(module, x, t, tile, x0, y0, w, h, 1, Branch.UNCOND);
            float[] c = call(module, x, t, tile, x0, y0, w, h, 1, Branch.COND);
            return Guidance.combine(u, c, g);
        }

        private float[] call(TorchModule module, float[] x, float t, int tile, int x0, int y0, int w, int h, int batch, Branch branch)
                throws StudioException {
            NDList in = new NDList(spec.denoiserInputs().size());
            int c = lat.channels();
            int down = lat.downscale();
            for (String name : spec.denoiserInputs()) {
                in.add(switch (name) {
                    case "x" -> hostTensor(latentIn, batch, () -> HostTensor.floats(gen, new Shape(batch, c, h, w))).write(x, batch);
                    case "t" -> {
                        int n = spec.timestepBatched() ? batch : 1;
                        HostTensor ts = spec.timestepInt64() ? hostTensor(timestepIn, n, () -> HostTensor.longs(gen, new Shape(n)))
                                : hostTensor(timestepIn, n, () -> HostTensor.floats(gen, new Shape(n)));
                        yield spec.timestepInt64() ? ts.fill((long) Math.round(t)) : ts.fill(t);
                    }
                    case "text" -> embedding("positive", "negative", branch);
                    case "low" -> embedding("low", "low_negative", branch);
                    case "pooled" -> embedding("pooled", "pooled_negative", branch);
                    case "deg" -> batch == 1 ? requireDeg() : cached("deg2", () -> requireDeg().concat(requireDeg()));
                    case "ctrl" -> cached("ctrl" + tile + "x" + batch,
                            () -> spatial(ctrlImage, lw * down, lh * down, x0 * down, y0 * down, w * down, h * down, batch));
                    case "cond" -> cached("cond" + tile + "x" + batch, () -> spatial(condImage, lw, lh, x0, y0, w, h, batch));
                    case "cond_scale" -> condScale;
                    default -> throw new IllegalArgumentException("unknown denoiser input '" + name + "'");
                });
            }
            // Outputs attach to the first input's manager, which lives for the whole run: close them once read.
            try (NDList out = module.forward(in)) {
                return out.get(0).toFloatArray();
            }
        }

        private HostTensor hostTensor(HostTensor[] byBatch, int batch, java.util.function.Supplier<HostTensor> make) {
            if (byBatch[batch] == null) {
                byBatch[batch] = make.get();
            }
            return byBatch[batch];
        }

        /** Inputs that stay the same for every step (tile crops of the condition images, batched copies), kept for the run. */
        private NDArray cached(String key, java.util.function.Supplier<NDArray> make) {
            return runInputs.computeIfAbsent(key, k -> {
                NDArray a = make.get();
                a.attach(gen);
                return a;
            });
        }

        private NDArray embedding(String pos, String neg, Branch branch) {
            return switch (branch) {
                case COND -> embeds.get(pos);
                case UNCOND -> embeds.getOrDefault(neg, embeds.get(pos));
                // [uncond, cond] along the batch axis.
                case BOTH -> cached(pos + "+" + neg, () -> embeds.getOrDefault(neg, embeds.get(pos)).concat(embeds.get(pos)));
            };
        }

        private NDArray spatial(float[] img, int fw, int fh, int x0, int y0, int w, int h, int batch) {
            float[] crop = new float[batch * 3 * w * h];
            for (int b = 0; b < batch; b++) {
                for (int ch = 0; ch < 3; ch++) {
                    for (int y = 0; y < h; y++) {
                        System.arraycopy(img, (ch * fh + y0 + y) * fw + x0, crop, ((b * 3 + ch) * h + y) * w, w);
                    }
                }
            }
            return gen.create(crop, new Shape(batch, 3, h, w));
        }

        private FloatImage decode(float[] x, float[] image, int w, int h) throws StudioException, JobCancelledException {
            float[] z = new float[x.length];
            for (int k = 0; k < z.length; k++) {
                z[k] = x[k] / lat.scalingFactor() + lat.shiftFactor();
            }
            FeatureMap out = tiledDecoder != null ? tiledDecoder.run(new FeatureMap(lat.channels(), lh, lw, z), ctx)
                    : decodeWhole(z, image, w, h);
            if (out.channels() != 3) {
                throw new StudioException("The VAE decoder of model " + manifest.id() + " returned " + out.channels()
                        + " channels instead of 3.");
            }
            float[] px = out.data();
            for (int k = 0; k < px.length; k++) {
                px[k] = clamp((px[k] + 1f) / 2f, 0f, 1f);
            }
            return new FloatImage(out.width(), out.height(), 3, px);
        }

        private FeatureMap decodeWhole(float[] z, float[] image, int w, int h) throws StudioException {
            try (NDManager sm = gen.newSubManager()) {
                NDArray za = sm.create(z, new Shape(1, lat.channels(), lh, lw));
                NDList in = new NDList();
                for (String name : spec.decoderInputs()) {
                    switch (name) {
                        case "z" -> in.add(za);
                        case "features" -> {
                            TorchModule f = modules.get("features");
                            if (f == null) {
                                throw new StudioException("Model " + manifest.id() + " decodes with features but has no features module.");
                            }
                            in.add(f.forward(new NDList(sm.create(image, new Shape(1, 3, h, w)))).get(0));
                        }
                        default -> throw new IllegalArgumentException("unknown decoder input '" + name + "'");
                    }
                }
                NDArray out = modules.get("vae_decoder").forward(in).get(0);
                Shape s = out.getShape();
                if (s.dimension() != 4 || s.get(0) != 1) {
                    throw new StudioException("The VAE decoder of model " + manifest.id() + " returned shape " + s + " instead of 1x3xHxW.");
                }
                return new FeatureMap((int) s.get(1), (int) s.get(2), (int) s.get(3), out.toFloatArray());
            }
        }

        private FloatImage previewOf(float[] x) {
            float[][] mtx = spec.previewMatrix();
            int n = lw * lh;
            float[] rgb = new float[3 * n];
            for (int ch = 0; ch < 3; ch++) {
                for (int k = 0; k < n; k++) {
                    float v = spec.previewBias()[ch];
                    for (int c = 0; c < lat.channels(); c++) {
                        v += mtx[ch][c] * x[c * n + k];
                    }
                    rgb[ch * n + k] = clamp((v + 1f) / 2f, 0f, 1f);
                }
            }
            return new FloatImage(lw, lh, 3, rgb);
        }
    }

    private enum Branch { COND, UNCOND, BOTH }

    private NDArray readConstant(Path file, long[] shape) throws StudioException {
        Shape s = new Shape(shape);
        return root.create(Float32File.read(file, s.size(), "its shape " + s), s);
    }

    private static FloatImage toRgb(FloatImage gray) {
        int n = gray.width() * gray.height();
        float[] d = new float[3 * n];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(gray.data(), 0, d, c * n, n);
        }
        return new FloatImage(gray.width(), gray.height(), 3, d);
    }

    private static FloatImage toGray(FloatImage rgb) {
        int n = rgb.width() * rgb.height();
        float[] d = new float[n];
        float[] s = rgb.data();
        for (int k = 0; k < n; k++) {
            d[k] = (s[k] + s[n + k] + s[2 * n + k]) / 3f;
        }
        return new FloatImage(rgb.width(), rgb.height(), 1, d);
    }

    private static FloatImage clamp01(FloatImage img) {
        float[] d = img.data().clone();
        for (int k = 0; k < d.length; k++) {
            d[k] = clamp(d[k], 0f, 1f);
        }
        return new FloatImage(img.width(), img.height(), img.channels(), d);
    }

    private static float clamp(float v, float lo, float hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    @Override
    public void close() {
        if (prompts != null) {
            prompts.close();
        }
        for (TiledVae t : new TiledVae[] {tiledEncoder, tiledDecoder}) {
            if (t != null) {
                t.close();
            }
        }
        closeModules();
    }

    private void closeModules() {
        modules.values().forEach(TorchModule::close);
        modules.clear();
        root.close();
    }
}
