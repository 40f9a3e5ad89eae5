package org.srstudio.core.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.srstudio.core.job.ModelParameters;

/**
 * Everything needed to say how a variant was made and to make it again.
 *
 * @param inputSha256 hash of the input file's bytes
 * @param seed        the seed actually used (a random one is drawn and recorded when the request had none)
 * @param loadMillis  time spent loading the model (0 when it was already loaded)
 * @param runMillis   time spent inside the model
 * @param extra       facts the model reported (threads, tile size used, OOM retries…)
 */
public record Provenance(String inputPath, String inputSha256, int inputWidth, int inputHeight,
                         String modelId, String modelVersion, int scale, ModelParameters parameters, long seed,
                         String device, long loadMillis, long runMillis, Instant createdAt,
                         String application, Map<String, String> extra) {
    public Provenance {
        Objects.requireNonNull(inputPath, "inputPath");
        Objects.requireNonNull(inputSha256, "inputSha256");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(createdAt, "createdAt");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        modelVersion = modelVersion == null ? "" : modelVersion;
        application = application == null ? "" : application;
    }
}
