package org.srstudio.core.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.srstudio.core.StudioException;
import org.srstudio.core.store.Provenance;

/** A runner that walks a fixed number of tiles, reporting each, so tests can watch the executor's behaviour. */
final class ScriptedRunner implements JobRunner {
    final AtomicInteger tilesDone = new AtomicInteger();
    private final int tiles;
    private final Runnable onTile;
    private final String failWith;

    ScriptedRunner(int tiles, Runnable onTile, String failWith) {
        this.tiles = tiles;
        this.onTile = onTile;
        this.failWith = failWith;
    }

    static ScriptedRunner tiles(int tiles) {
        return new ScriptedRunner(tiles, () -> { }, null);
    }

    @Override
    public JobResult run(UpscaleRequest request, JobContext context) throws StudioException, JobCancelledException {
        if (failWith != null) {
            throw new StudioException(failWith);
        }
        for (int t = 1; t <= tiles; t++) {
            context.checkCancelled();
            onTile.run();
            tilesDone.incrementAndGet();
            context.progress(0, 0, t, tiles);
        }
        Provenance p = new Provenance(request.input().toString(), "00", 1, 1, request.modelId(), "", request.scale(),
                request.parameters(), 0, "cpu", 0, 0, Instant.EPOCH, "test", Map.of());
        return new JobResult(Path.of("stored.png"), Optional.empty(), p);
    }

    static UpscaleRequest request(String name) {
        return new UpscaleRequest(Path.of(name), "bicubic", 4, ModelParameters.DEFAULTS, OutputSettings.STORE_ONLY);
    }
}
