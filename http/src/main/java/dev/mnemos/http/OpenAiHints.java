package dev.mnemos.http;

import dev.mnemos.runtime.model.BackendHints;
import dev.mnemos.runtime.model.ProcessorConfig;

/** What the {@code openai} backend tells people when a call fails. */
final class OpenAiHints implements BackendHints {

    static final OpenAiHints INSTANCE = new OpenAiHints();

    @Override
    public String serverName() {
        return "the OpenAI-compatible server";
    }

    @Override
    public String baseUrl(ProcessorConfig config) {
        return Endpoints.baseUrl(config.baseUrl(), OpenAiProvider.NAME, null);
    }

    @Override
    public String unreachableFix(ProcessorConfig config) {
        return "start the server (vLLM, llama.cpp's llama-server, LM Studio) or fix the base URL";
    }

    @Override
    public String basePathHint() {
        return " (it usually ends in /v1)";
    }
}
