package org.srstudio.core.prompt;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;

/**
 * Asks a vision-language model server to describe an image. Calls block the calling thread (never call from the UI
 * or inference threads; {@link PromptService} runs them on its own executor) but never longer than the settings'
 * timeouts allow without progress, and return promptly when cancelled.
 */
public interface VisionLanguageClient {
    PromptSettings settings();

    /**
     * @param onToken receives each piece of text as it arrives (the whole answer at once when the server does not
     *                stream); called on the calling thread
     * @return the answer as the server gave it, not yet cleaned (see {@link XpsrPrompts#cleanAnswer})
     * @throws StudioException       with one sentence when the server is down, slow, fails or answers garbage
     * @throws CancellationException when {@code cancel} fires or the calling thread is interrupted
     */
    String describe(PromptImage image, String instruction, String model, Consumer<String> onToken, CancelSignal cancel)
            throws StudioException;

    /** Downscales {@code image} to the settings' largest side, sends it as PNG and describes it. */
    default String describe(FloatImage image, String instruction, String model, Consumer<String> onToken,
                            CancelSignal cancel) throws StudioException {
        return describe(PromptImage.of(image, settings().maxImageSide()), instruction, model, onToken, cancel);
    }

    /** The client for the settings' protocol. */
    static VisionLanguageClient create(PromptSettings settings) {
        return switch (settings.protocol()) {
            case OLLAMA -> new OllamaClient(settings);
            case OPENAI -> new OpenAiCompatibleClient(settings);
        };
    }
}
