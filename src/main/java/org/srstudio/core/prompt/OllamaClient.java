package org.srstudio.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.function.Consumer;
import org.srstudio.core.Json;
import org.srstudio.core.StudioException;

/**
 * Ollama's native chat API: {@code POST /api/chat} with the image as base64 in the message's {@code images}; the
 * answer streams as one JSON object per line ({@code message.content} pieces, {@code done: true} last), or comes as
 * one object with {@code "stream": false}. Also reads {@code /api/generate}-style {@code response} fields, so an
 * endpoint set to {@code /api/generate} works too.
 */
public final class OllamaClient extends HttpVisionClient {
    public OllamaClient(PromptSettings settings) {
        super(settings);
    }

    @Override
    URI requestUri() {
        URI base = settings.endpoint();
        String path = base.getPath() == null ? "" : base.getPath();
        if (path.endsWith("/api/chat") || path.endsWith("/api/generate")) {
            return base;
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return base.resolve(trimmed + "/api/chat");
    }

    private boolean generateEndpoint() {
        return requestUri().getPath().endsWith("/api/generate");
    }

    @Override
    JsonNode requestBody(PromptImage image, String instruction, String model) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        if (generateEndpoint()) {
            body.put("prompt", instruction);
            body.putArray("images").add(image.base64());
        } else {
            ObjectNode message = body.putArray("messages").addObject();
            message.put("role", "user");
            message.put("content", instruction);
            message.putArray("images").add(image.base64());
        }
        body.put("stream", settings.stream());
        // Greedy decoding, as XPSR's LLaVA call uses, so the same image gives the same prompt.
        ObjectNode options = body.putObject("options");
        options.put("temperature", 0);
        options.put("num_predict", MAX_TOKENS);
        return body;
    }

    @Override
    String notFoundSentence(String model, String serverText) {
        if (serverText.toLowerCase(java.util.Locale.ROOT).contains("model")) {
            return "The model " + model + " is not installed in Ollama at " + endpointText() + "; run `ollama pull " + model + "`.";
        }
        return "The server at " + endpointText() + " has no Ollama chat endpoint (HTTP 404"
                + (serverText.isEmpty() ? "" : ": " + serverText) + "); check the address and protocol in the prompt settings.";
    }

    @Override
    String noServerSentence(String model) {
        return "No vision-language server answers at " + endpointText() + "; start Ollama with `ollama serve` and `ollama pull " + model + "`.";
    }

    @Override
    AnswerParser newParser(String model) {
        return new AnswerParser() {
            private final StringBuilder text = new StringBuilder();
            private final StringBuilder unparsed = new StringBuilder();
            private boolean recognised;
            private boolean done;

            @Override
            public void line(String line, Consumer<String> onToken) throws StudioException {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || done) {
                    return;
                }
                JsonNode node = parseOrNull(trimmed);
                if (node == null || !node.isObject()) {
                    // A pretty-printed single answer spans lines; it is read whole at the end.
                    if (unparsed.length() + trimmed.length() > MAX_ANSWER_CHARS) {
                        throw tooLong();
                    }
                    unparsed.append(line).append('\n');
                    return;
                }
                take(node, onToken);
            }

            private void take(JsonNode node, Consumer<String> onToken) throws StudioException {
                if (node.has("error")) {
                    throw serverStopped(node.get("error").isTextual() ? node.get("error").asText() : node.get("error").toString());
                }
                JsonNode piece = node.path("message").path("content");
                if (!piece.isTextual()) {
                    piece = node.path("response");
                }
                if (piece.isTextual()) {
                    recognised = true;
                    String token = piece.asText();
                    if (!token.isEmpty()) {
                        if (text.length() + token.length() > MAX_ANSWER_CHARS) {
                            throw tooLong();
                        }
                        text.append(token);
                        onToken.accept(token);
                    }
                }
                if (node.path("done").asBoolean(false)) {
                    recognised = true;
                    done = true;
                }
            }

            @Override
            public boolean complete() {
                return done && unparsed.length() == 0;
            }

            @Override
            public String finish(Consumer<String> onToken) throws StudioException {
                if (unparsed.length() > 0) {
                    JsonNode whole = recognised ? null : parseOrNull(unparsed.toString());
                    if (whole == null || !whole.isObject()) {
                        throw malformed("text that is not JSON");
                    }
                    take(whole, onToken);
                }
                if (!recognised) {
                    throw malformed("JSON without a message");
                }
                if (text.toString().isBlank()) {
                    throw emptyAnswer(model);
                }
                return text.toString();
            }
        };
    }
}
