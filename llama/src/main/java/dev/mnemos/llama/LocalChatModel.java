package dev.mnemos.llama;

import de.kherud.llama.Pair;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.UncheckedModelException;
import java.util.ArrayList;
import java.util.List;

/**
 * The local model as a LangChain4j {@link ChatModel}, for AI services and poem's
 * {@code FewShotChatModel}: the messages in the model's chat template, decoded with the request's
 * temperature, output bound and stop sequences (the config's where the request has none). A
 * failure is an {@link UncheckedModelException} whose cause has the kind and the one-line message.
 */
public final class LocalChatModel implements ChatModel {

    private final ProcessorConfig config;
    private final LocalSettings settings;
    private final Engine engine;

    LocalChatModel(ProcessorConfig config, LocalSettings settings, Engine engine) {
        this.config = config;
        this.settings = settings;
        this.engine = engine;
    }

    /** A chat model of {@code config} (backend {@code local}); loads the model if this process has not. */
    public static LocalChatModel create(ProcessorConfig config) {
        LocalSettings.Loaded loaded = LocalSettings.load(config);
        return new LocalChatModel(config, loaded.settings(), loaded.engine());
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return DefaultChatRequestParameters.builder()
                .modelName(settings.model())
                .temperature(config.temperature())
                .maxOutputTokens(config.maxTokens())
                .stopSequences(config.stop().isEmpty() ? null : config.stop())
                .build();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        ChatRequestParameters p = request.parameters();
        String system = null;
        List<Pair<String, String>> turns = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) system = system == null ? s.text() : system + "\n\n" + s.text();
            else if (m instanceof UserMessage u) turns.add(new Pair<>("user", u.singleText()));
            else if (m instanceof AiMessage a) turns.add(new Pair<>("assistant", a.text() == null ? "" : a.text()));
            else throw new IllegalArgumentException("the local chat model takes system, user and assistant messages, not " + m.type());
        }
        String prompt = ChatFormat.prompt(engine, settings.chatTemplate(), system, turns);
        Engine.Decoding decoding = new Engine.Decoding(p.temperature() == null ? config.temperature() : p.temperature(),
                p.maxOutputTokens(), p.stopSequences() == null ? List.of() : p.stopSequences(), settings.grammar(), settings.seed());
        Answer answer;
        try {
            answer = engine.generate(prompt, decoding, config.timeout(), settings.model());
        } catch (ModelException e) {
            throw new UncheckedModelException(e);
        }
        boolean cut = answer.outputTokens() >= LocalSettings.maxTokens(p.maxOutputTokens());
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(answer.text()))
                .tokenUsage(new TokenUsage(answer.inputTokens(), answer.outputTokens()))
                .finishReason(cut ? FinishReason.LENGTH : FinishReason.STOP)
                .modelName(settings.model())
                .build();
    }
}
