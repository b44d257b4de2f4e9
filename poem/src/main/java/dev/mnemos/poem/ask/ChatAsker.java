package dev.mnemos.poem.ask;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.LogProb;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.runtime.model.ModelErrors;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks a LangChain4j {@link ChatModel} with the examples as user/assistant turns. With
 * {@code logProbs}, asks an OpenAI-compatible model for the top log-probabilities of the answer's
 * first token (LangChain4j's Ollama client reports none).
 */
public final class ChatAsker implements Asker {

    /** How many alternatives of the first token to ask for. */
    public static final int TOP_LOGPROBS = 10;

    private final ChatModel model;
    private final Task task;
    private final boolean logProbs;
    private final ProcessorConfig config;

    /** @param config the settings the model was built from, to word errors; may be null */
    public ChatAsker(ChatModel model, Task task, boolean logProbs, ProcessorConfig config) {
        if (logProbs && !(model instanceof OpenAiChatModel)) {
            throw new IllegalArgumentException("token log-probabilities need an OpenAI-compatible backend (--backend openai);"
                    + " LangChain4j's Ollama client reports none");
        }
        this.model = model;
        this.task = task;
        this.logProbs = logProbs;
        this.config = config != null ? config : ProcessorConfig.builder().build();
    }

    @Override
    public Reply ask(String query, List<Example> orderedExamples) throws ModelException {
        ChatRequest.Builder request = ChatRequest.builder().messages(task.messages(query, orderedExamples));
        if (logProbs) {
            request.parameters(OpenAiChatRequestParameters.builder().logprobs(true).topLogprobs(TOP_LOGPROBS).build());
        }
        ChatResponse response;
        try {
            response = model.chat(request.build());
        } catch (RuntimeException e) {
            throw ModelErrors.translate(e, config);
        }
        if (response == null || response.aiMessage() == null || response.aiMessage().text() == null) {
            throw ModelErrors.badResponse(config, "the answer holds no text", null);
        }
        return new Reply(response.aiMessage().text(), firstTokenTop(response));
    }

    private static Map<String, Double> firstTokenTop(ChatResponse response) {
        Map<String, Double> top = new HashMap<>();
        if (response.metadata() instanceof OpenAiChatResponseMetadata meta && meta.logProbs() != null
                && !meta.logProbs().isEmpty()) {
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
