package org.srstudio.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.srstudio.core.Json;
import org.srstudio.core.StudioException;

/**
 * The HTTP side shared by both protocols. The response body arrives as lines in a queue that the calling thread
 * polls in short slices, so that a silent server (read timeout), a cancel request and an interrupt are all noticed
 * within a fraction of a second, whatever the HTTP client is doing.
 */
abstract class HttpVisionClient implements VisionLanguageClient {
    private static final Logger LOG = LoggerFactory.getLogger(HttpVisionClient.class);
    /** How often the waiting thread looks at the cancel signal. */
    private static final long POLL_MILLIS = 50;
    /** Far beyond any prompt (CLIP reads 77 tokens); a server streaming endlessly is cut off here. */
    static final int MAX_ANSWER_CHARS = 64_000;
    /** Tokens asked for: XPSR's LLaVA call stops at 200 tokens including the prompt. */
    static final int MAX_TOKENS = 256;
    private static final int MAX_ERROR_CHARS = 200;
    /** An error body longer than this is not read to its end. */
    private static final int MAX_ERROR_BODY_CHARS = 16_000;
    /** Bounds a stream of empty pieces that would never grow the answer. */
    static final int MAX_LINES = 100_000;

    protected final PromptSettings settings;
    private final HttpClient http;

    HttpVisionClient(PromptSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public PromptSettings settings() {
        return settings;
    }

    /** The full URL of the chat endpoint. */
    abstract URI requestUri();

    abstract JsonNode requestBody(PromptImage image, String instruction, String model);

    /** A fresh reader of one response body. */
    abstract AnswerParser newParser(String model);

    /** What to tell the user when the server says HTTP 404. */
    abstract String notFoundSentence(String model, String serverText);

    /** What to tell the user when nothing listens at the endpoint. */
    abstract String noServerSentence(String model);

    /** Reads the response body line by line. */
    interface AnswerParser {
        /** @throws StudioException when a line says the server failed or is not in the protocol's format */
        void line(String line, Consumer<String> onToken) throws StudioException;

        /** @return the whole answer, once the body has ended or {@link #complete()} says it is over */
        String finish(Consumer<String> onToken) throws StudioException;

        /** Whether the server has said its answer is over (a done line or {@code [DONE]}), body ended or not. */
        boolean complete();
    }

    String endpointText() {
        return settings.endpoint().toString();
    }

    @Override
    public String describe(PromptImage image, String instruction, String model, Consumer<String> onToken,
                           CancelSignal cancel) throws StudioException {
        if (instruction == null || instruction.isBlank()) {
            throw new StudioException("The instruction for the vision-language model is empty.");
        }
        if (model == null || model.isBlank()) {
            throw new StudioException("No vision-language model is named in the prompt settings.");
        }
        Consumer<String> tokens = onToken == null ? t -> { } : onToken;
        CancelSignal signal = cancel == null ? new CancelSignal() : cancel;
        if (signal.isCancelled()) {
            throw new CancellationException("The description was cancelled.");
        }
        byte[] body;
        try {
            body = Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(requestBody(image, instruction, model));
        } catch (IOException e) {
            throw new StudioException("The request for the vision-language model could not be written.", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(requestUri())
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", settings.stream() ? "application/x-ndjson, text/event-stream, application/json" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!settings.apiKey().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        for (int attempt = 1; ; attempt++) {
            LineQueue lines = new LineQueue();
            CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request.build(), lines);
            Runnable abort = () -> {
                lines.abort();
                response.cancel(true);
            };
            signal.onCancel(abort);
            try {
                return await(lines, response, model, tokens, signal);
            } catch (StaleConnection stale) {
                if (attempt == 2) {
                    throw stale.sentence;
                }
            } finally {
                signal.remove(abort);
                lines.abort();
                if (!response.isDone()) {
                    response.cancel(true);
                }
            }
        }
    }

    /**
     * A pooled keep-alive connection that the server (or an earlier cancelled request) had already closed fails
     * before any response arrives; such a request never reached the model, so it is sent once more.
     */
    private static final class StaleConnection extends Exception {
        private final StudioException sentence;

        StaleConnection(StudioException sentence) {
            super(sentence.getMessage(), sentence);
            this.sentence = sentence;
        }
    }

    private static boolean beforeAnyResponse(LineQueue lines, Throwable error) {
        return lines.status == 0 && error instanceof IOException
                && !(error instanceof java.net.ConnectException)
                && !(error instanceof java.net.http.HttpTimeoutException);
    }

    private String await(LineQueue lines, CompletableFuture<HttpResponse<Void>> response, String model,
                         Consumer<String> onToken, CancelSignal signal) throws StudioException, StaleConnection {
        AnswerParser parser = newParser(model);
        StringBuilder errorBody = new StringBuilder();
        long timeoutNanos = settings.readTimeout().toNanos();
        long lastProgress = System.nanoTime();
        long lineCount = 0;
        while (true) {
            if (signal.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("The description was cancelled.");
            }
            Object event;
            try {
                event = lines.queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("The description was cancelled.");
            }
            if (event == null) {
                if (response.isCompletedExceptionally() && !response.isCancelled()) {
                    Throwable cause = causeOf(response);
                    if (beforeAnyResponse(lines, cause)) {
                        throw new StaleConnection(failure(cause, model));
                    }
                    throw failure(cause, model);
                }
                if (System.nanoTime() - lastProgress > timeoutNanos) {
                    throw new StudioException(readTimeoutSentence());
                }
                continue;
            }
            lastProgress = System.nanoTime();
            if (event instanceof String line) {
                if (++lineCount > MAX_LINES) {
                    throw tooLong();
                }
                if (lines.status == 200) {
                    parser.line(line, onToken);
                    if (parser.complete()) {
                        // Some servers keep the connection open after the last event; the answer is whole anyway.
                        return parser.finish(onToken);
                    }
                } else if (errorBody.length() < MAX_ERROR_BODY_CHARS) {
                    errorBody.append(line).append('\n');
                } else {
                    throw new StudioException(statusSentence(lines.status, errorBody.toString(), model));
                }
            } else if (event == LineQueue.END) {
                if (lines.status == 200) {
                    return parser.finish(onToken);
                }
                throw new StudioException(statusSentence(lines.status, errorBody.toString(), model));
            } else if (event instanceof Throwable error) {
                if (signal.isCancelled()) {
                    throw new CancellationException("The description was cancelled.");
                }
                if (beforeAnyResponse(lines, error)) {
                    throw new StaleConnection(failure(error, model));
                }
                throw failure(error, model);
            }
        }
    }

    private static Throwable causeOf(CompletableFuture<?> future) {
        try {
            future.get(0, TimeUnit.MILLISECONDS);
            return new IOException("no error");
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    private StudioException failure(Throwable error, String model) {
        LOG.debug("Vision-language request to {} failed", endpointText(), error);
        if (error instanceof StudioException studio) {
            return studio;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return new StudioException("No vision-language server answers at " + endpointText()
                        + " (the connection timed out after " + seconds(settings.connectTimeout())
                        + "); check the address in the prompt settings.", error);
            }
            if (t instanceof HttpTimeoutException) {
                return new StudioException(readTimeoutSentence(), error);
            }
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException) {
                return new StudioException(noServerSentence(model), error);
            }
        }
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : tidy(error.getMessage());
        return new StudioException("The connection to the vision-language server at " + endpointText()
                + " failed (" + detail + ").", error);
    }

    private String readTimeoutSentence() {
        return "The vision-language server at " + endpointText() + " sent nothing for "
                + seconds(settings.readTimeout()) + "; check that it is running and not busy, or raise the timeout in the prompt settings.";
    }

    private String statusSentence(int status, String body, String model) {
        String serverText = serverErrorText(body);
        if (status == 404) {
            return notFoundSentence(model, serverText);
        }
        if (status == 401 || status == 403) {
            return "The vision-language server at " + endpointText() + " refused the request (HTTP " + status
                    + (serverText.isEmpty() ? "" : ": " + serverText) + "); check the API key in the prompt settings.";
        }
        return "The vision-language server at " + endpointText() + " failed with HTTP " + status
                + (serverText.isEmpty() ? "" : ": " + serverText) + ".";
    }

    /** The error text of an error body: {@code {"error": "..."}}, {@code {"error": {"message": ...}}}, or short plain text. */
    static String serverErrorText(String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        try {
            JsonNode node = Json.mapper().readTree(trimmed);
            if (node != null && node.isObject()) {
                JsonNode error = node.get("error");
                if (error != null && error.isTextual()) {
                    return tidy(error.asText());
                }
                if (error != null && error.isObject() && error.path("message").isTextual()) {
                    return tidy(error.path("message").asText());
                }
                for (String key : new String[] {"message", "detail"}) {
                    if (node.path(key).isTextual()) {
                        return tidy(node.path(key).asText());
                    }
                }
                return "";
            }
        } catch (IOException e) {
            // not JSON: fall through to plain text
        }
        return trimmed.length() <= MAX_ERROR_CHARS && !trimmed.startsWith("<") ? tidy(trimmed) : "";
    }

    /** One line, no trailing full stop, bounded length, so it can sit inside a sentence. */
    static String tidy(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.length() > MAX_ERROR_CHARS) {
            oneLine = oneLine.substring(0, MAX_ERROR_CHARS) + "…";
        }
        while (oneLine.endsWith(".")) {
            oneLine = oneLine.substring(0, oneLine.length() - 1);
        }
        return oneLine;
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    StudioException malformed(String what) {
        return new StudioException("The vision-language server at " + endpointText() + " answered with " + what
                + "; check that the endpoint and protocol (Ollama or OpenAI-compatible) in the prompt settings are right.");
    }

    StudioException emptyAnswer(String model) {
        return new StudioException("The model " + model + " at " + endpointText() + " returned an empty description.");
    }

    StudioException tooLong() {
        return new StudioException("The vision-language server at " + endpointText()
                + " sent far more than a prompt can use, so the answer was dropped.");
    }

    StudioException serverStopped(String text) {
        return new StudioException("The vision-language server at " + endpointText() + " stopped with an error: " + tidy(text) + ".");
    }

    /** Reads {@code text} as JSON; {@code null} when it is not JSON. */
    static JsonNode parseOrNull(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** Body subscriber that feeds lines, the end and errors into a queue; the status is known before any line. */
    static final class LineQueue implements HttpResponse.BodyHandler<Void> {
        static final Object END = new Object();
        final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        volatile int status;
        private volatile Flow.Subscription subscription;
        private volatile boolean aborted;

        @Override
        public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
            status = info.statusCode();
            return HttpResponse.BodySubscribers.fromLineSubscriber(new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    if (aborted) {
                        s.cancel();
                    } else {
                        s.request(Long.MAX_VALUE);
                    }
                }

                @Override
                public void onNext(String line) {
                    queue.offer(line);
                }

                @Override
                public void onError(Throwable error) {
                    queue.offer(error);
                }

                @Override
                public void onComplete() {
                    queue.offer(END);
                }
            });
        }

        void abort() {
            aborted = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
