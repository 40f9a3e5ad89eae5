package org.srstudio.core.prompt;

/**
 * Hears a description as it is written. Called on the prompt service's worker thread: a UI must hand the calls to
 * its own thread through its event bridge.
 */
public interface PromptListener {
    PromptListener NONE = new PromptListener() {
    };

    /** The cleaned text of {@code kind} so far; called after each streamed piece. */
    default void partial(PromptKind kind, String textSoFar) {
    }

    /** {@code kind} is complete, with its cleaned text. */
    default void finished(PromptKind kind, String text) {
    }
}
