package org.srstudio.core.prompt;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;

/**
 * Writes the two XPSR prompts for an LR image, off the caller's thread: the high-level prompt, then the low-level
 * one, on this service's own two threads (never the inference executor, so a slow server never holds up a model
 * run, and a model run never holds up the prompt editor). Answers are cleaned as XPSR cleans them.
 */
public final class PromptService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PromptService.class);

    private final Function<PromptSettings, VisionLanguageClient> clients;
    private final ExecutorService executor;
    private VisionLanguageClient lastClient;

    public PromptService() {
        this(VisionLanguageClient::create);
    }

    /** @param clients makes the client for given settings (tests pass a fake) */
    public PromptService(Function<PromptSettings, VisionLanguageClient> clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.executor = Executors.newFixedThreadPool(2, new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "srstudio-prompts-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
    }

    /**
     * Asks the server of {@code settings} for both prompts of {@code lrImage} (downscaled to the settings' limit
     * once). {@code listener} hears the text as it streams.
     */
    public PromptJob describe(FloatImage lrImage, PromptSettings settings, PromptListener listener) {
        Objects.requireNonNull(lrImage, "lrImage");
        Objects.requireNonNull(settings, "settings");
        PromptListener heard = listener == null ? PromptListener.NONE : listener;
        CancelSignal cancel = new CancelSignal();
        CompletableFuture<PromptPair> result = new CompletableFuture<>();
        submit(() -> run(lrImage, settings, heard, cancel, result), result);
        return new PromptJob(result, cancel);
    }

    /** Only one of the two prompts, e.g. to redo the low-level one after editing its instruction. */
    public PromptJob describeOne(FloatImage lrImage, PromptSettings settings, PromptKind kind, PromptPair current,
                                 PromptListener listener) {
        Objects.requireNonNull(kind, "kind");
        PromptPair base = current == null ? PromptPair.EMPTY : current;
        PromptListener heard = listener == null ? PromptListener.NONE : listener;
        CancelSignal cancel = new CancelSignal();
        CompletableFuture<PromptPair> result = new CompletableFuture<>();
        submit(() -> {
            try {
                PromptImage image = PromptImage.of(lrImage, settings.maxImageSide());
                result.complete(base.with(kind, ask(client(settings), image, settings, kind, heard, cancel)));
            } catch (CancellationException e) {
                result.cancel(false);
            } catch (StudioException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, result);
        return new PromptJob(result, cancel);
    }

    /** The measurement-based low-level prompt, for when no vision-language server is at hand. */
    public CompletableFuture<String> describeQuality(FloatImage image, Map<String, Double> nrIqaScores) {
        Objects.requireNonNull(image, "image");
        CompletableFuture<String> result = new CompletableFuture<>();
        submit(() -> {
            try {
                result.complete(QualityDescriber.describe(image, nrIqaScores));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, result);
        return result;
    }

    private void run(FloatImage lrImage, PromptSettings settings, PromptListener listener, CancelSignal cancel,
                     CompletableFuture<PromptPair> result) {
        try {
            PromptImage image = PromptImage.of(lrImage, settings.maxImageSide());
            VisionLanguageClient client = client(settings);
            String high = ask(client, image, settings, PromptKind.HIGH_LEVEL, listener, cancel);
            String low = ask(client, image, settings, PromptKind.LOW_LEVEL, listener, cancel);
            result.complete(new PromptPair(high, low));
        } catch (CancellationException e) {
            result.cancel(false);
        } catch (StudioException e) {
            LOG.info("Describing the image failed: {}", e.getMessage());
            result.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            LOG.warn("Describing the image failed unexpectedly", e);
            result.completeExceptionally(e);
        }
    }

    private void submit(Runnable task, CompletableFuture<?> result) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new StudioException("The prompt service has been closed."));
        }
    }

    /** One client (and so one HTTP connection pool) per settings, reused while the settings stay the same. */
    private synchronized VisionLanguageClient client(PromptSettings settings) {
        if (lastClient == null || !lastClient.settings().equals(settings)) {
            lastClient = clients.apply(settings);
        }
        return lastClient;
    }

    private static String ask(VisionLanguageClient client, PromptImage image, PromptSettings settings, PromptKind kind,
                              PromptListener listener, CancelSignal cancel) throws StudioException {
        String instruction = kind == PromptKind.HIGH_LEVEL ? settings.highLevelInstruction() : settings.lowLevelInstruction();
        String model = kind == PromptKind.HIGH_LEVEL ? settings.highLevelModel() : settings.lowLevelModel();
        StringBuilder raw = new StringBuilder();
        String answer = client.describe(image, instruction, model, token -> {
            raw.append(token);
            listener.partial(kind, XpsrPrompts.cleanAnswer(raw.toString()));
        }, cancel);
        String cleaned = XpsrPrompts.cleanAnswer(answer);
        if (cleaned.isEmpty()) {
            throw new StudioException("The model " + model + " returned an empty description.");
        }
        listener.finished(kind, cleaned);
        return cleaned;
    }

    /** Stops the workers; a description in flight is abandoned. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
