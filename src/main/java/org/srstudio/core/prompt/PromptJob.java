package org.srstudio.core.prompt;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.srstudio.core.StudioException;

/**
 * A running pair of descriptions. {@link #result()} completes with both prompts, exceptionally with a
 * {@link StudioException} (one sentence for the UI, see {@link #failureSentence}), or is cancelled.
 */
public final class PromptJob {
    private final CompletableFuture<PromptPair> result;
    private final CancelSignal cancel;

    PromptJob(CompletableFuture<PromptPair> result, CancelSignal cancel) {
        this.result = result;
        this.cancel = cancel;
    }

    public CompletableFuture<PromptPair> result() {
        return result;
    }

    /** Stops the request in flight; {@link #result()} is cancelled at once, the worker lets go within moments. */
    public void cancel() {
        cancel.cancel();
        result.cancel(false);
    }

    public boolean isCancelled() {
        return cancel.isCancelled();
    }

    /** The sentence to show for a failed job's exception, however the future wrapped it. */
    public static String failureSentence(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CancellationException) {
            return "The description was cancelled.";
        }
        if (t instanceof StudioException) {
            return t.getMessage();
        }
        return "Describing the image failed unexpectedly (" + t.getClass().getSimpleName() + ").";
    }
}
