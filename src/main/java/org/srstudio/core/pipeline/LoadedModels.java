package org.srstudio.core.pipeline;

import java.util.HashMap;
import java.util.Map;
import org.srstudio.core.StudioException;
import org.srstudio.core.model.ModelRegistry;
import org.srstudio.core.upscale.Upscaler;

/**
 * Keeps the most recently used model loaded, plus cheap auxiliary ones, and closes a model when another replaces
 * it: one large network resident at a time is what a desktop's memory allows.
 */
final class LoadedModels implements AutoCloseable {
    private final ModelRegistry registry;
    private String currentId;
    private Upscaler current;
    private final Map<String, Upscaler> auxiliary = new HashMap<>();

    LoadedModels(ModelRegistry registry) {
        this.registry = registry;
    }

    synchronized Upscaler get(String id) throws StudioException {
        if (id.equals(currentId)) {
            return current;
        }
        Upscaler cached = auxiliary.get(id);
        if (cached != null) {
            return cached;
        }
        closeCurrent();
        current = registry.open(id);
        currentId = id;
        return current;
    }

    /** A small model kept alongside the current one (alpha resampling). */
    synchronized Upscaler auxiliary(String id) throws StudioException {
        if (id.equals(currentId)) {
            return current;
        }
        Upscaler u = auxiliary.get(id);
        if (u == null) {
            u = registry.open(id);
            auxiliary.put(id, u);
        }
        return u;
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
            currentId = null;
        }
    }

    @Override
    public synchronized void close() {
        closeCurrent();
        auxiliary.values().forEach(Upscaler::close);
        auxiliary.clear();
    }
}
