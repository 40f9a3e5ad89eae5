package org.srstudio.engine.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.srstudio.core.StudioException;

/**
 * Text-encoder outputs of a loaded model, by prompt. A batch of images is usually run with the same prompts, and
 * encoding one costs a tokenizer call plus a text-encoder forward (tens of milliseconds for a real CLIP on the CPU),
 * so each distinct prompt is encoded once. Least-recently-used entries beyond {@link #CAPACITY} are closed.
 */
final class PromptEmbeddings implements AutoCloseable {
    static final int CAPACITY = 16;

    private final PromptTokenizer tokenizer;
    private final TorchModule encoder;
    private final NDManager manager;
    private final Map<String, NDArray> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true);

    /** Embeddings live in {@code manager}, which must outlive this cache; the tokenizer is closed with it. */
    PromptEmbeddings(PromptTokenizer tokenizer, TorchModule encoder, NDManager manager) {
        this.tokenizer = tokenizer;
        this.encoder = encoder;
        this.manager = manager;
    }

    synchronized NDArray of(String prompt) throws StudioException {
        NDArray hit = cache.get(prompt);
        if (hit != null) {
            return hit;
        }
        long[] ids = tokenizer.ids(prompt);
        NDArray embedding;
        try (NDManager call = manager.newSubManager()) {
            NDList out = encoder.forward(new NDList(call.create(ids, new Shape(1, ids.length))));
            embedding = out.get(0);
            embedding.attach(manager);
        }
        cache.put(prompt, embedding);
        if (cache.size() > CAPACITY) {
            var eldest = cache.entrySet().iterator().next();
            cache.remove(eldest.getKey()).close();
        }
        return embedding;
    }

    @Override
    public synchronized void close() {
        cache.values().forEach(NDArray::close);
        cache.clear();
        tokenizer.close();
    }
}
