package org.srstudio.engine.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.srstudio.core.Json;
import org.srstudio.core.StudioException;
import org.srstudio.core.diffusion.SamplerConfig;
import org.srstudio.core.job.ColorFix;

/**
 * The {@code engine} object of a "diffusion" model.json (docs/model-format.md, section "diffusion"): which
 * TorchScript modules the folder holds and everything procedural the runtime does around them. Parsed once per
 * load; every problem is one sentence naming the field.
 */
record DiffusionSpec(Map<String, String> modules, List<Expert> experts, List<String> denoiserInputs,
                     List<String> encoderInputs, List<String> decoderInputs, boolean timestepInt64, boolean timestepBatched,
                     Preprocess preprocess, Text text, Latent latent, Init init, SamplerConfig sampler, Guidance guidance,
                     double conditioningScale, int latentTile, int tileOverlap, ColorFix colorFix, float[][] previewMatrix,
                     float[] previewBias, VaeBlocks vaeEncoderBlocks, VaeBlocks vaeDecoderBlocks) {

    static final Set<String> DENOISER_INPUTS = Set.of("x", "t", "text", "low", "pooled", "deg", "ctrl", "cond", "cond_scale");

    /** A denoiser used for timesteps t_min ≤ t &lt; t_max (MoESR's experts). */
    record Expert(double tMin, double tMax, String module) {
    }

    /** How the LR becomes the VAE's input: resize by the scale, optional minimum short side, then floor or pad to a multiple. */
    record Preprocess(Resize upsample, int minShortSide, boolean pad, int multiple) {
    }

    enum Resize { TORCH_BILINEAR, TORCH_BICUBIC }

    /** A raw little-endian float32 tensor file with its shape. */
    record Constant(String file, long[] shape) {
    }

    /** none, constant (embedding files by role) or runtime (tokenizer + text_encoder module). */
    record Text(String mode, Map<String, Constant> embeddings, String tokenizer, int maxLength, long bosId, long eosId,
                long padId, String lowNegativePrompt) {
        boolean runtime() {
            return "runtime".equals(mode);
        }

        boolean constant() {
            return "constant".equals(mode);
        }
    }

    record Latent(int channels, int downscale, float scalingFactor, float shiftFactor, boolean samplePosterior) {
    }

    /** pure_noise, lr_latent or noised_lr_latent (noised at the first timestep, then again at extraNoiseT when ≥ 0). */
    record Init(String type, int extraNoiseT) {
    }

    record Guidance(double defaultScale, boolean batched) {
    }

    static DiffusionSpec parse(JsonNode engine, String modelId) throws StudioException {
        if (engine == null || !engine.isObject()) {
            throw new StudioException("Model " + modelId + " has format 'diffusion' but no engine settings in its model.json.");
        }
        try {
            return read(engine);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StudioException("Model " + modelId + " has invalid diffusion settings: " + stripPeriod(e.getMessage()) + ".", e);
        }
    }

    private static DiffusionSpec read(JsonNode e) {
        Map<String, String> modules = new LinkedHashMap<>();
        e.path("modules").fields().forEachRemaining(f -> modules.put(f.getKey(), f.getValue().asText()));
        List<Expert> experts = new ArrayList<>();
        for (JsonNode x : e.path("experts")) {
            experts.add(new Expert(x.path("t_min").asDouble(), x.path("t_max").asDouble(), required(x, "module").asText()));
        }
        if (!modules.containsKey("denoiser") && experts.isEmpty()) {
            throw new IllegalArgumentException("modules needs a denoiser or the experts list needs entries");
        }
        VaeBlocks decoderBlocks = e.path("vae_decoder_blocks").isObject() ? VaeBlocks.parse(e.get("vae_decoder_blocks"), "z") : null;
        VaeBlocks encoderBlocks = e.path("vae_encoder_blocks").isObject() ? VaeBlocks.parse(e.get("vae_encoder_blocks"), "image") : null;
        if (!modules.containsKey("vae_decoder") && decoderBlocks == null) {
            throw new IllegalArgumentException("modules needs a vae_decoder (or the engine vae_decoder_blocks)");
        }
        List<String> denoiserInputs = strings(required(e, "denoiser_inputs"));
        for (String in : denoiserInputs) {
            if (!DENOISER_INPUTS.contains(in)) {
                throw new IllegalArgumentException("denoiser input '" + in + "' is not one of " + DENOISER_INPUTS);
            }
        }
        JsonNode t = e.path("timestep");
        JsonNode pre = required(e, "preprocess");
        Resize resize = switch (pre.path("upsample").asText("torch_bicubic")) {
            case "torch_bilinear" -> Resize.TORCH_BILINEAR;
            case "torch_bicubic" -> Resize.TORCH_BICUBIC;
            default -> throw new IllegalArgumentException("preprocess.upsample must be torch_bilinear or torch_bicubic");
        };
        String round = pre.path("round").asText("pad");
        if (!round.equals("pad") && !round.equals("floor")) {
            throw new IllegalArgumentException("preprocess.round must be pad or floor");
        }
        Preprocess preprocess = new Preprocess(resize, pre.path("min_short_side").asInt(0), round.equals("pad"),
                positive(pre.path("multiple").asInt(8), "preprocess.multiple"));
        Text text = readText(e.path("text"));
        JsonNode l = required(e, "latent");
        Latent latent = new Latent(positive(l.path("channels").asInt(), "latent.channels"),
                positive(l.path("downscale").asInt(), "latent.downscale"), (float) l.path("scaling_factor").asDouble(1.0),
                (float) l.path("shift_factor").asDouble(0.0), l.path("sample_posterior").asBoolean(true));
        if (preprocess.multiple() % latent.downscale() != 0) {
            throw new IllegalArgumentException("preprocess.multiple must be a multiple of latent.downscale");
        }
        String initType = e.path("init").path("type").asText("pure_noise");
        if (!Set.of("pure_noise", "lr_latent", "noised_lr_latent").contains(initType)) {
            throw new IllegalArgumentException("init.type must be pure_noise, lr_latent or noised_lr_latent");
        }
        if (!initType.equals("pure_noise") && !modules.containsKey("vae_encoder") && encoderBlocks == null) {
            throw new IllegalArgumentException("init.type " + initType + " needs a vae_encoder module");
        }
        Init init = new Init(initType, e.path("init").path("extra_noise_t").asInt(-1));
        SamplerConfig sampler;
        try {
            sampler = Json.mapper().treeToValue(required(e, "sampler"), SamplerConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            Throwable c = ex.getCause() != null ? ex.getCause() : ex;
            throw new IllegalArgumentException("sampler: " + stripPeriod(c.getMessage()));
        }
        JsonNode g = e.path("guidance");
        Guidance guidance = g.isObject() ? new Guidance(g.path("default").asDouble(1.0), !"separate".equals(g.path("batching").asText("concat")))
                : null;
        JsonNode tiling = e.path("tiling");
        ColorFix fix = ColorFix.valueOf(e.path("color_fix").path("default").asText("none").toUpperCase(java.util.Locale.ROOT));
        float[][] matrix = null;
        float[] bias = null;
        JsonNode pv = e.path("preview").path("latent_rgb");
        if (pv.isArray() && pv.size() == 3) {
            matrix = new float[3][];
            bias = new float[3];
            for (int c = 0; c < 3; c++) {
                JsonNode row = pv.get(c);
                if (row.size() != latent.channels()) {
                    throw new IllegalArgumentException("preview.latent_rgb rows need one weight per latent channel");
                }
                matrix[c] = new float[row.size()];
                for (int k = 0; k < row.size(); k++) {
                    matrix[c][k] = (float) row.get(k).asDouble();
                }
                bias[c] = (float) e.path("preview").path("bias").path(c).asDouble(0);
            }
        }
        List<String> decoderInputs = e.has("decoder_inputs") ? strings(e.get("decoder_inputs")) : List.of("z");
        if (decoderBlocks != null && !decoderInputs.equals(List.of("z"))) {
            throw new IllegalArgumentException("vae_decoder_blocks take only the latent, so decoder_inputs must be [\"z\"]");
        }
        List<String> encoderInputs = e.has("encoder_inputs") ? strings(e.get("encoder_inputs")) : List.of("image");
        if (encoderBlocks != null && !encoderInputs.equals(List.of("image"))) {
            throw new IllegalArgumentException("vae_encoder_blocks take only the image, so encoder_inputs must be [\"image\"]");
        }
        return new DiffusionSpec(Map.copyOf(modules), List.copyOf(experts), denoiserInputs, encoderInputs, decoderInputs,
                !"float32".equals(t.path("dtype").asText("int64")), t.path("batched").asBoolean(false), preprocess, text, latent, init,
                sampler, guidance, e.path("control").path("conditioning_scale").asDouble(1.0), tiling.path("latent_tile").asInt(0),
                tiling.path("overlap").asInt(0), fix, matrix, bias, encoderBlocks, decoderBlocks);
    }

    private static Text readText(JsonNode t) {
        String mode = t.path("mode").asText("none");
        Map<String, Constant> embeddings = new LinkedHashMap<>();
        t.path("embeddings").fields().forEachRemaining(f -> {
            JsonNode shape = required(f.getValue(), "shape");
            long[] s = new long[shape.size()];
            for (int k = 0; k < s.length; k++) {
                s[k] = shape.get(k).asLong();
            }
            embeddings.put(f.getKey(), new Constant(required(f.getValue(), "file").asText(), s));
        });
        switch (mode) {
            case "none" -> { }
            case "constant" -> {
                if (!embeddings.containsKey("positive")) {
                    throw new IllegalArgumentException("text mode constant needs a positive embedding");
                }
            }
            case "runtime" -> required(t, "tokenizer");
            default -> throw new IllegalArgumentException("text.mode must be none, constant or runtime");
        }
        return new Text(mode, Map.copyOf(embeddings), t.path("tokenizer").asText(null), t.path("max_length").asInt(77),
                t.path("bos_id").asLong(-1), t.path("eos_id").asLong(-1), t.path("pad_id").asLong(0),
                t.path("low_negative_prompt").asText(""));
    }

    /** The module files (relative paths) the folder must hold. */
    List<String> moduleFiles() {
        List<String> files = new ArrayList<>(modules.values());
        experts.forEach(x -> files.add(x.module()));
        text.embeddings().values().forEach(c -> files.add(c.file()));
        if (text.runtime()) {
            files.add(text.tokenizer());
        }
        for (VaeBlocks b : new VaeBlocks[] {vaeEncoderBlocks, vaeDecoderBlocks}) {
            if (b != null) {
                files.addAll(b.files());
            }
        }
        return files;
    }

    /** The first missing file, as a sentence, or null. */
    String missingIn(Path folder) {
        for (String f : moduleFiles()) {
            if (!Files.isRegularFile(folder.resolve(f))) {
                return "The diffusion model folder " + folder + " lacks " + f + ".";
            }
        }
        return null;
    }

    boolean uses(String input) {
        return denoiserInputs.contains(input);
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v;
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return List.copyOf(out);
    }

    private static int positive(int v, String what) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return v;
    }

    private static String stripPeriod(String s) {
        return s != null && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
