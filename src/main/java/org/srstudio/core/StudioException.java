package org.srstudio.core;

/**
 * A failure whose message is one sentence fit to show a user as it is (CLI stderr, a dialog, a failed job).
 * Code that catches a library exception wraps it here with a sentence that names the file or model involved.
 */
public class StudioException extends Exception {
    public StudioException(String sentence) {
        super(sentence);
    }

    public StudioException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
