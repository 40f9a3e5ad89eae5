package org.srstudio.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.function.Consumer;
import org.srstudio.core.Json;
import org.srstudio.core.StudioException;

/**
 * OpenAI-compatible chat completions (llama.cpp server, vLLM, LM Studio, Ollama's {@code /v1}): the image goes as a
 * {@code data:image/png;base64,…} URL in an {@code image_url} content part; the answer streams as server-sent events
 * ({@code data: {…choices[0].delta.content…}} lines, ending with {@code data: [DONE]}) or comes as one JSON object.
 */
public final class OpenAiCompatibleClient extends HttpVisionClient {
    public OpenAiCompatibleClient(PromptSettings settings) {
        super(settings);
    }

    @Override
    URI requestUri() {
        URI base = settings.endpoint();
        String path = base.getPath() == null ? "" : base.getPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.endsWith("/chat/completions")) {
            return base;
        }
        // Servers document their base URL with /v1; a bare host gets it added.
        String full = trimmed.isEmpty() ? "/v1/chat/completions" : trimmed + "/chat/completions";
        return base.resolve(full);
    }

    @Override
    JsonNode requestBody(PromptImage image, String instruction, String model) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        ObjectNode message = body.putArray("messages").addObject();
        message.put("role", "user");
        ArrayNode content = message.putArray("content");
        content.addObject().put("type", "text").put("text", instruction);
        content.addObject().put("type", "image_url").putObject("image_url").put("url", image.dataUrl());
        body.put("stream", settings.stream());
        body.put("temperature", 0);
        body.put("max_tokens", MAX_TOKENS);
        return body;
    }

    @Override
    String notFoundSentence(String model, String serverText) {
        return "The server at " + endpointText() + " has no model " + model + " or no chat-completions endpoint (HTTP 404"
                + (serverText.isEmpty() ? "" : ": " + serverText) + "); check the model name and address in the prompt settings.";
    }

    @Override
    String noServerSentence(String model) {
        return "No vision-language server answers at " + endpointText()
                + "; start your OpenAI-compatible server (llama.cpp server, vLLM or LM Studio) with a vision model, or start Ollama with `ollama serve` and `ollama pull llava`.";
    }

    @Override
    AnswerParser newParser(String model) {
        return new AnswerParser() {
            private final StringBuilder text = new StringBuilder();
            private final StringBuilder unparsed = new StringBuilder();
            private boolean sawEvents;
            private boolean done;

            @Override
            public void line(String line, Consumer<String> onToken) throws StudioException {
                if (done) {
                    return;
                }
                if (line.startsWith("data:")) {
                    sawEvents = true;
                    String payload = line.substring(5).strip();
                    if (payload.equals("[DONE]")) {
                        done = true;
                        return;
                    }
                    if (payload.isEmpty()) {
                        return;
                    }
                    JsonNode node = parseOrNull(payload);
                    if (node == null || !node.isObject()) {
                        throw malformed("an event that is not JSON");
                    }
                    take(node, onToken, true);
                    return;
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith(":") || trimmed.startsWith("event:")
                        || trimmed.startsWith("id:") || trimmed.startsWith("retry:")) {
                    return;
                }
                if (unparsed.length() + line.length() > MAX_ANSWER_CHARS) {
                    throw tooLong();
                }
                unparsed.append(line).append('\n');
            }

            private void take(JsonNode node, Consumer<String> onToken, boolean streamed) throws StudioException {
                JsonNode error = node.get("error");
                if (error != null && !error.isNull()) {
                    throw serverStopped(error.path("message").isTextual() ? error.path("message").asText() : error.toString());
                }
                JsonNode choices = node.path("choices");
                if (!choices.isArray()) {
                    throw malformed("JSON without choices");
                }
                if (choices.isEmpty()) {
                    return; // usage-only chunks at the end of a stream
                }
                JsonNode choice = choices.get(0);
                JsonNode content = streamed && choice.has("delta") ? choice.path("delta").path("content")
                        : choice.path("message").path("content");
                String token = textOf(content);
                if (!token.isEmpty()) {
                    if (text.length() + token.length() > MAX_ANSWER_CHARS) {
                        throw tooLong();
                    }
                    text.append(token);
                    onToken.accept(token);
                }
            }

            /** Content is a string, or a list of parts of which the text parts count. */
            private String textOf(JsonNode content) {
                if (content.isTextual()) {
                    return content.asText();
                }
                StringBuilder joined = new StringBuilder();
                if (content.isArray()) {
                    for (JsonNode part : content) {
                        if (part.path("text").isTextual()) {
                            joined.append(part.path("text").asText());
                        }
                    }
                }
                return joined.toString();
            }

            @Override
            public boolean complete() {
                return done;
            }

            @Override
            public String finish(Consumer<String> onToken) throws StudioException {
                if (!sawEvents) {
                    JsonNode whole = parseOrNull(unparsed.toString());
                    if (whole == null || !whole.isObject()) {
                        throw malformed(unparsed.length() == 0 ? "an empty body" : "text that is not JSON");
                    }
                    take(whole, onToken, false);
                } else if (!unparsed.isEmpty()) {
                    throw malformed("text that is not server-sent events");
                }
                if (text.toString().isBlank()) {
                    throw emptyAnswer(model);
                }
                return text.toString();
            }
        };
    }
}
