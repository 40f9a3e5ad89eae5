package org.srstudio.engine.diffusion;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.srstudio.core.StudioException;

/**
 * Turns a prompt into the fixed-length id row a CLIP-style text encoder was traced with: the tokenizer.json's own
 * tokens (no special tokens), truncated to max_length − 2, wrapped in the manifest's BOS/EOS ids and padded with its
 * pad id. Doing the framing here rather than in the tokenizer keeps it identical whatever post-processor the file has.
 */
final class PromptTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final DiffusionSpec.Text text;

    private PromptTokenizer(HuggingFaceTokenizer tokenizer, DiffusionSpec.Text text) {
        this.tokenizer = tokenizer;
        this.text = text;
    }

    static PromptTokenizer open(Path file, DiffusionSpec.Text text) throws StudioException {
        try {
            return new PromptTokenizer(HuggingFaceTokenizer.newInstance(file, Map.of("truncation", "false", "padding", "false")), text);
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw new StudioException("Cannot open the prompt tokenizer " + file + " (" + TorchModule.firstLine(e) + ").", e);
        }
    }

    long[] ids(String prompt) {
        Encoding enc = tokenizer.encode(prompt == null ? "" : prompt, false, false);
        long[] tokens = enc.getIds();
        int max = text.maxLength();
        boolean framed = text.bosId() >= 0 && text.eosId() >= 0;
        int room = framed ? max - 2 : max;
        long[] out = new long[max];
        Arrays.fill(out, text.padId());
        int n = Math.min(room, tokens.length);
        int at = 0;
        if (framed) {
            out[at++] = text.bosId();
        }
        System.arraycopy(tokens, 0, out, at, n);
        at += n;
        if (framed) {
            out[at] = text.eosId();
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
