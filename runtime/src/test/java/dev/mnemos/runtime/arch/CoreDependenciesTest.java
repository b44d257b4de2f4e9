package dev.mnemos.runtime.arch;

import dev.mnemos.runtime.model.Processors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The runtime core is a library that brings no model client: LangChain4j's core (its ChatModel
 * and exception types) but none of its HTTP clients and integrations, and no backend of its own;
 * the backends are artifacts of their own (mnemos-http: ollama, openai; mnemos-llama: local).
 */
class CoreDependenciesTest {

    @Test
    void noHttpClientOrLangChain4jIntegrationIsOnTheCoresClassPath() {
        for (String name : List.of("dev.langchain4j.model.ollama.OllamaChatModel", "dev.langchain4j.model.openai.OpenAiChatModel",
                "dev.langchain4j.http.client.HttpClient", "dev.langchain4j.http.client.jdk.JdkHttpClient", "de.kherud.llama.LlamaModel")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name + " is on the core's class path");
        }
    }

    @Test
    void theCoreRegistersNoBackendOfItsOwn() {
        assertEquals(List.of(), Processors.names());
    }
}
