package dev.mnemos.poem.ask;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.Map;

/**
 * Asks a chat model for the top log-probabilities of its answer's first token and reads them back,
 * for the classification-margin reward. Each API has its own way (OpenAI's {@code logprobs} and
 * {@code top_logprobs}; LangChain4j's Ollama client reports none), so the core names none: the
 * application (the cli: OpenAI's) gives {@link ChatAsker.Builder#logProbs} the one its model speaks.
 */
public interface LogProbs {

    /** Refuses a model that cannot report them, before any call (an IllegalArgumentException saying why). */
    default void check(ChatModel model) {}

    /** The request parameters that ask for the first token's {@code top} alternatives. */
    ChatRequestParameters request(int top);

    /** The first token and its alternatives with their log-probabilities, from a response; empty when it holds none. */
    Map<String, Double> firstToken(ChatResponse response);
}
