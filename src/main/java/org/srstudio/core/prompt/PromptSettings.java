package org.srstudio.core.prompt;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how prompts are asked for: the server, the models for the high-level and low-level prompts (they may be
 * the same model), the two instructions (XPSR's own by default), timeouts and the largest image side sent.
 *
 * @param endpoint       base URL of the server, e.g. {@code http://localhost:11434} (Ollama) or
 *                       {@code http://localhost:8080/v1} (OpenAI-compatible); a full {@code /api/chat} or
 *                       {@code /chat/completions} URL is accepted as it is
 * @param connectTimeout how long to wait for the TCP connection
 * @param readTimeout    the longest silence accepted from the server: before the first byte and between streamed
 *                       chunks, so a server that never answers fails after this long
 * @param maxImageSide   the LR image is downscaled (aspect kept) so that its longer side is at most this
 * @param stream         ask the server to stream tokens (shown as they arrive)
 * @param apiKey         sent as a bearer token when not empty (some OpenAI-compatible servers want one)
 */
public record PromptSettings(URI endpoint, PromptProtocol protocol, String highLevelModel, String lowLevelModel,
                             String highLevelInstruction, String lowLevelInstruction, Duration connectTimeout,
                             Duration readTimeout, int maxImageSide, boolean stream, String apiKey) {
    public static final URI OLLAMA_ENDPOINT = URI.create("http://localhost:11434");
    public static final String DEFAULT_MODEL = "llava";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Generous because a 7B model on a CPU may think for a minute before its first token. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);
    /** LLaVA-1.6 tiles up to 672 px; larger images only cost upload and encoding time. */
    public static final int DEFAULT_MAX_IMAGE_SIDE = 672;

    private static final Duration LONGEST_TIMEOUT = Duration.ofHours(1);

    public PromptSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(protocol, "protocol");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("The prompt server must be an http:// or https:// address with a host, got " + endpoint + ".");
        }
        highLevelModel = requireText(highLevelModel, "The high-level model name");
        lowLevelModel = lowLevelModel == null || lowLevelModel.isBlank() ? highLevelModel : lowLevelModel.strip();
        highLevelInstruction = requireText(highLevelInstruction, "The high-level instruction");
        lowLevelInstruction = requireText(lowLevelInstruction, "The low-level instruction");
        requireTimeout(connectTimeout, "connect");
        requireTimeout(readTimeout, "read");
        if (maxImageSide < 32 || maxImageSide > 8192) {
            throw new IllegalArgumentException("The largest image side sent must be between 32 and 8192 pixels, got " + maxImageSide + ".");
        }
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    /** Ollama on this machine with {@code llava} for both prompts and XPSR's instructions. */
    public static PromptSettings defaults() {
        return new PromptSettings(OLLAMA_ENDPOINT, PromptProtocol.OLLAMA, DEFAULT_MODEL, DEFAULT_MODEL,
                XpsrPrompts.HIGH_LEVEL_INSTRUCTION, XpsrPrompts.LOW_LEVEL_INSTRUCTION, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_MAX_IMAGE_SIDE, true, "");
    }

    public PromptSettings withServer(URI newEndpoint, PromptProtocol newProtocol) {
        return new PromptSettings(newEndpoint, newProtocol, highLevelModel, lowLevelModel, highLevelInstruction,
                lowLevelInstruction, connectTimeout, readTimeout, maxImageSide, stream, apiKey);
    }

    public PromptSettings withModels(String newHighLevelModel, String newLowLevelModel) {
        return new PromptSettings(endpoint, protocol, newHighLevelModel, newLowLevelModel, highLevelInstruction,
                lowLevelInstruction, connectTimeout, readTimeout, maxImageSide, stream, apiKey);
    }

    public PromptSettings withInstructions(String newHighLevelInstruction, String newLowLevelInstruction) {
        return new PromptSettings(endpoint, protocol, highLevelModel, lowLevelModel, newHighLevelInstruction,
                newLowLevelInstruction, connectTimeout, readTimeout, maxImageSide, stream, apiKey);
    }

    public PromptSettings withTimeouts(Duration newConnectTimeout, Duration newReadTimeout) {
        return new PromptSettings(endpoint, protocol, highLevelModel, lowLevelModel, highLevelInstruction,
                lowLevelInstruction, newConnectTimeout, newReadTimeout, maxImageSide, stream, apiKey);
    }

    public PromptSettings withStreaming(boolean newStream) {
        return new PromptSettings(endpoint, protocol, highLevelModel, lowLevelModel, highLevelInstruction,
                lowLevelInstruction, connectTimeout, readTimeout, maxImageSide, newStream, apiKey);
    }

    public PromptSettings withMaxImageSide(int newMaxImageSide) {
        return new PromptSettings(endpoint, protocol, highLevelModel, lowLevelModel, highLevelInstruction,
                lowLevelInstruction, connectTimeout, readTimeout, newMaxImageSide, stream, apiKey);
    }

    public PromptSettings withApiKey(String newApiKey) {
        return new PromptSettings(endpoint, protocol, highLevelModel, lowLevelModel, highLevelInstruction,
                lowLevelInstruction, connectTimeout, readTimeout, maxImageSide, stream, newApiKey);
    }

    /** The API key stays out of logs and error reports. */
    @Override
    public String toString() {
        return "PromptSettings[endpoint=" + endpoint + ", protocol=" + protocol + ", highLevelModel=" + highLevelModel
                + ", lowLevelModel=" + lowLevelModel + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", maxImageSide=" + maxImageSide + ", stream=" + stream + ", apiKey="
                + (apiKey.isEmpty() ? "none" : "set") + "]";
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty.");
        }
        return value.strip();
    }

    private static void requireTimeout(Duration timeout, String what) {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("The " + what + " timeout must be more than zero and at most one hour, got " + timeout + ".");
        }
    }
}
