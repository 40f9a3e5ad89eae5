package org.srstudio.core.prompt;

/** The wire protocol a local vision-language server speaks. */
public enum PromptProtocol {
    /** Ollama's native API: {@code POST /api/chat} with base64 {@code images}, NDJSON streaming. */
    OLLAMA,
    /** OpenAI-compatible chat completions with {@code image_url} data URLs, SSE streaming (llama.cpp server, vLLM, LM Studio). */
    OPENAI
}
