package dev.mnemos.samples.reviews;

import dev.mnemos.llama.LocalChatModel;
import dev.mnemos.runtime.model.ProcessorConfig;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The profile {@code local}: the chat model is a GGUF model run in this process by mnemos-llama
 * (SmolLM2-135M unless {@code sample.local.model} names another; {@code bin/mnemos models fetch
 * smollm2-135m} puts it in the model directory), instead of Ollama's, whose auto-configuration
 * application-local.properties turns off. Start-up fails naming the file and the fetch command when
 * the model is not there.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class LocalModelConfiguration {

    /** The local model, as LangChain4j's ChatModel: loaded once per process, answers at temperature 0. */
    @Bean
    dev.langchain4j.model.chat.ChatModel localModel(@Value("${sample.local.model}") String model,
                                                   @Value("${sample.local.max-tokens}") int maxTokens,
                                                   @Value("${sample.local.context}") int context) {
        return LocalChatModel.create(ProcessorConfig.builder().backend("local").model(model).temperature(0).maxTokens(maxTokens)
                .option("context", String.valueOf(context)).build());
    }

    /** The same model as Spring AI's ChatModel: the one the ChatClient.Builder is made with. */
    @Bean
    ChatModel chatModel(dev.langchain4j.model.chat.ChatModel localModel) {
        return new LangChain4jChatModel(localModel);
    }
}
