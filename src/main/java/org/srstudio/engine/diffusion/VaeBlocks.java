package org.srstudio.engine.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A VAE decoder or encoder exported as TorchScript blocks split at its GroupNorm layers ({@code engine.vae_decoder_blocks}
 * or {@code vae_encoder_blocks}, docs/model-format.md), so the runtime can tile the blocks and run every GroupNorm over
 * the whole map. Values are named; {@code input} names the network's input ({@code z} for a decoder, {@code image} for
 * an encoder) and the last step's output is the result.
 *
 * @param tile the tile side, in each tiled block's own input pixels
 */
record VaeBlocks(String input, int tile, List<Step> steps) {
    /** One step of the chain. */
    sealed interface Step permits Block, Norm {
        String output();

        List<String> inputs();
    }

    /**
     * A TorchScript block: {@code halo} is its receptive radius in input pixels (how far an output pixel looks);
     * the output is {@code scale} times larger than the input (upsampling) or {@code down} times smaller (strided
     * downsampling), at most one of them above 1. An untiled block (attention over all positions) sees whole maps.
     */
    record Block(String module, List<String> inputs, String output, int halo, int scale, int down, boolean tiled) implements Step {
    }

    /** A GroupNorm the runtime computes: (groups, eps) and per-channel weight and bias files. */
    record Norm(String input, String output, int groups, double eps, String weightFile, String biasFile) implements Step {
        @Override
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /** Parses the blocks of a network whose input value is called {@code input}. */
    static VaeBlocks parse(JsonNode n, String input) {
        int tile = n.path("tile").asInt(0);
        if (tile < 1) {
            throw new IllegalArgumentException("the VAE blocks' tile must be positive");
        }
        List<Step> steps = new ArrayList<>();
        Set<String> known = new HashSet<>(Set.of(input));
        for (JsonNode s : n.path("blocks")) {
            Step step;
            JsonNode gn = s.get("group_norm");
            if (gn != null) {
                step = new Norm(text(s, "input"), text(s, "output"), gn.path("groups").asInt(0), gn.path("eps").asDouble(1e-6),
                        text(gn, "weight"), text(gn, "bias"));
                if (((Norm) step).groups() < 1) {
                    throw new IllegalArgumentException("a group_norm needs a positive groups count");
                }
            } else {
                List<String> inputs = new ArrayList<>();
                s.path("inputs").forEach(i -> inputs.add(i.asText()));
                if (inputs.isEmpty()) {
                    throw new IllegalArgumentException("VAE block " + text(s, "module") + " has no inputs");
                }
                Block b = new Block(text(s, "module"), List.copyOf(inputs), text(s, "output"), s.path("halo").asInt(0),
                        s.path("scale").asInt(1), s.path("down").asInt(1), s.path("tiled").asBoolean(true));
                if (b.halo() < 0 || b.scale() < 1 || b.down() < 1 || (b.scale() > 1 && b.down() > 1)) {
                    throw new IllegalArgumentException("VAE block " + b.module() + " needs halo ≥ 0 and either scale or down above 1, not both");
                }
                step = b;
            }
            for (String in : step.inputs()) {
                if (!known.contains(in)) {
                    throw new IllegalArgumentException("VAE blocks value '" + in + "' is used before any step makes it");
                }
            }
            known.add(step.output());
            steps.add(step);
        }
        if (steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof Block)) {
            throw new IllegalArgumentException("the VAE blocks must end with a module block, whose output is the result");
        }
        return new VaeBlocks(input, tile, List.copyOf(steps));
    }

    /** Every module and constant file the blocks name. */
    List<String> files() {
        List<String> files = new ArrayList<>();
        for (Step s : steps) {
            if (s instanceof Block b) {
                files.add(b.module());
            } else if (s instanceof Norm g) {
                files.add(g.weightFile());
                files.add(g.biasFile());
            }
        }
        return files;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("VAE blocks: '" + field + "' is missing");
        }
        return v.asText();
    }
}
