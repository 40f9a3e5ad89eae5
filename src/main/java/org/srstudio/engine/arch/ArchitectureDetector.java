package org.srstudio.engine.arch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Recognises a network from its state dict's keys and shapes, as chaiNNer's spandrel does: the two runnable
 * architectures are tried first, then a few well-known ones are named so the user learns what the file is.
 */
public final class ArchitectureDetector {
    /** Key patterns of architectures SR Studio cannot run, most specific first. */
    private record Signature(String name, Predicate<String> key) {
    }

    private static final List<Signature> KNOWN = List.of(
            new Signature("an OmniSR", k -> k.startsWith("residual_layer.") && k.contains(".layer.0.fn.")),
            new Signature("an SPSR", k -> k.startsWith("b_fea_conv.") || k.startsWith("f_HR_conv1.")),
            new Signature("an ESRGAN+ (RRDBNet with 1×1 shortcuts)", k -> k.contains(".conv1x1.")),
            new Signature("a HAT", k -> k.contains(".conv_block.cab.")),
            new Signature("a DAT", k -> k.contains(".attn.attns.")),
            new Signature("a SwinIR", k -> k.contains(".residual_group.blocks.")),
            new Signature("a Real-CUGAN", k -> k.startsWith("unet1.")),
            new Signature("a SPAN", k -> k.startsWith("block_1.c1_r.")),
            new Signature("a transformer (attention-based)", k -> k.contains("attn") || k.contains("qkv")));

    private ArchitectureDetector() {
    }

    public static Detection detect(Map<String, int[]> shapes) {
        for (Signature s : KNOWN.subList(0, 3)) {
            if (shapes.keySet().stream().anyMatch(s.key())) {
                return unsupported(s);
            }
        }
        Optional<Detection> found = RrdbNet.detect(shapes).or(() -> SrVggNetCompact.detect(shapes));
        if (found.isPresent()) {
            return found.get();
        }
        for (Signature s : KNOWN) {
            if (shapes.keySet().stream().anyMatch(s.key())) {
                return unsupported(s);
            }
        }
        return new Detection.Unsupported("matches no supported architecture (RRDBNet, SRVGGNetCompact)");
    }

    private static Detection unsupported(Signature s) {
        return new Detection.Unsupported("looks like " + s.name() + " network, which SR Studio cannot run yet");
    }
}
