package org.srstudio.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.srstudio.core.Json;

/**
 * A loopback HTTP server (public so the studio window tests can talk to it too) (127.0.0.1, free port) that speaks Ollama's {@code /api/chat} and the OpenAI-compatible
 * {@code /v1/chat/completions}, streaming or not, and can misbehave on demand. Every wait in it is bounded and ends
 * when the server is closed.
 */
public final class FakeVisionServer implements AutoCloseable {
    /** What to answer to one request. */
    public interface Reply {
        void send(HttpExchange exchange, JsonNode request, FakeVisionServer server) throws IOException;
    }

    public record Recorded(String path, JsonNode body, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-vision-server");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Reply reply;

    public FakeVisionServer(Reply reply) throws IOException {
        this.reply = reply;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] bytes = exchange.getRequestBody().readAllBytes();
                JsonNode body = Json.mapper().readTree(bytes);
                requests.add(new Recorded(exchange.getRequestURI().getPath(), body, Map.copyOf(exchange.getRequestHeaders())));
                this.reply.send(exchange, body, this);
            } catch (IOException e) {
                // the client went away (timeout or cancel): nothing to answer
            }
        });
        server.start();
    }

    void reply(Reply newReply) {
        this.reply = newReply;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Blocks a handler until the server closes, at most {@code millis}. */
    void hold(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    // ---- replies ----

    public static Reply json(int status, String body) {
        return (exchange, request, server) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        };
    }

    static Reply ollamaAnswer(String text) {
        return (exchange, request, server) -> json(200, ollamaChunk(text, true)).send(exchange, request, server);
    }

    static Reply openAiAnswer(String text) {
        return (exchange, request, server) -> json(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(text) + "},\"finish_reason\":\"stop\"}]}")
                .send(exchange, request, server);
    }

    /** NDJSON pieces, then a done line, each flushed on its own. */
    public static Reply ollamaStream(String... tokens) {
        return (exchange, request, server) -> {
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String token : tokens) {
                writeLine(out, ollamaChunk(token, false));
            }
            writeLine(out, "{\"model\":\"llava\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}");
        };
    }

    /** Server-sent events: a role chunk, content deltas, a finish chunk and [DONE]. */
    static Reply openAiStream(String... tokens) {
        return (exchange, request, server) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            writeLine(out, ": keep-alive\n");
            writeLine(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n");
            for (String token : tokens) {
                writeLine(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(token) + "}}]}\n");
            }
            writeLine(out, "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n");
            writeLine(out, "data: [DONE]\n");
        };
    }

    /** Sends {@code firstLines} then goes silent until the server closes (at most 20 s). */
    static Reply streamThenStall(String... firstLines) {
        return (exchange, request, server) -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String line : firstLines) {
                writeLine(out, line);
            }
            server.hold(20_000);
        };
    }

    /** Answers nothing at all (not even headers) until the server closes (at most 20 s). */
    static Reply silence() {
        return (exchange, request, server) -> server.hold(20_000);
    }

    static String ollamaChunk(String token, boolean done) {
        return "{\"model\":\"llava\",\"created_at\":\"2024-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":"
                + quote(token) + "},\"done\":" + done + "}";
    }

    static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String quote(String text) {
        try {
            return Json.mapper().writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
