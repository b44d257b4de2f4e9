package dev.mnemos.cli.poem;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.LogProb;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.mnemos.poem.ask.LogProbs;

import java.util.HashMap;
import java.util.Map;

/**
 * The first token's log-probabilities through the OpenAI-compatible protocol ({@code logprobs},
 * {@code top_logprobs}; vLLM, llama.cpp's server, LM Studio), which LangChain4j exposes as
 * {@link OpenAiChatResponseMetadata#logProbs()}. The core's {@link dev.mnemos.poem.ask.ChatAsker}
 * names no API; {@code --reward margin} gives it this one.
 */
final class OpenAiLogProbs implements LogProbs {

    @Override
    public void check(ChatModel model) {
        if (!(model instanceof OpenAiChatModel)) {
            throw new IllegalArgumentException("token log-probabilities need an OpenAI-compatible backend (--backend openai);"
                    + " LangChain4j's Ollama client reports none");
        }
    }

    @Override
    public ChatRequestParameters request(int top) {
        return OpenAiChatRequestParameters.builder().logprobs(true).topLogprobs(top).build();
    }

    @Override
    public Map<String, Double> firstToken(ChatResponse response) {
        Map<String, Double> top = new HashMap<>();
        if (response.metadata() instanceof OpenAiChatResponseMetadata meta && meta.logProbs() != null && !meta.logProbs().isEmpty()) {
            LogProb first = meta.logProbs().get(0);
            if (first.topLogprobs() != null) {
                for (LogProb p : first.topLogprobs()) {
                    if (p.token() != null && p.logprob() != null) top.merge(p.token(), p.logprob(), Math::max);
                }
            }
            if (first.token() != null && first.logprob() != null) top.merge(first.token(), first.logprob(), Math::max);
        }
        return top;
    }
}
