package org.srstudio.core;

import java.nio.file.Path;
import java.util.Objects;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.job.JobExecutor;
import org.srstudio.core.model.ModelRegistry;
import org.srstudio.core.store.ResultStore;

/**
 * The studio's long-lived services, built once by the composition root and handed to the CLI or the UI.
 *
 * @param dataDir where the session, preferences and result store live
 */
public record StudioServices(ModelRegistry registry, JobExecutor executor, ResultStore store, ImageDecoder decoder,
                             Path dataDir) implements AutoCloseable {
    public StudioServices {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    @Override
    public void close() {
        executor.close();
    }
}
