package dev.mnemos.http;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.runtime.model.RetryingProcessor;
import dev.mnemos.runtime.model.Style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessorsTest {

    static final ProcessorConfig BASE = ProcessorConfig.builder().model("llama3.2").build();

    @Test
    void backendsAreFoundByName() {
        assertTrue(Processors.names().containsAll(List.of("ollama", "openai")), Processors.names().toString());
        ProcessorConfig openai = BASE.toBuilder().backend("openai").baseUrl("http://localhost:8000/v1").build();

        assertInstanceOf(RetryingProcessor.class, Processors.create(BASE));
        assertTrue(Processors.create(openai).fingerprint().startsWith("\"openai\"|\"http://localhost:8000/v1\"|\"llama3.2\"|"),
                Processors.create(openai).fingerprint());
    }

    @Test
    void configurationsThatDifferNeverShareAFingerprint() {
        ProcessorConfig.Builder b = ProcessorConfig.builder().model("m");
        assertNotEquals(b.stop(List.of("a, b")).build().fingerprint(), b.stop(List.of("a", "b")).build().fingerprint());
        assertNotEquals(b.stop(List.of("a\",\"b")).build().fingerprint(), b.stop(List.of("a", "b")).build().fingerprint());
        assertNotEquals(ProcessorConfig.builder().baseUrl("u").model("a|b").build().fingerprint(),
                ProcessorConfig.builder().baseUrl("u|a").model("b").build().fingerprint());
        assertNotEquals(ProcessorConfig.builder().model("m").systemInstruction("x\"|\"y").build().fingerprint(),
                ProcessorConfig.builder().model("m\"|\"x").systemInstruction("y").build().fingerprint());
    }

    @Test
    void unknownBackendIsNamed() {
        ProcessorConfig config = BASE.toBuilder().backend("olama").build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Processors.create(config));

        assertTrue(e.getMessage().startsWith("unknown backend 'olama'; known: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ollama", "openai"})
    void modelIsRequired(String backend) {
        ProcessorConfig config = ProcessorConfig.builder().backend(backend).baseUrl("http://localhost:8000/v1").build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Processors.create(config));

        assertTrue(e.getMessage().startsWith("the " + backend + " backend needs a model name"), e.getMessage());
    }

    @Test
    void malformedBaseUrlIsRejected() {
        ProcessorConfig config = BASE.toBuilder().baseUrl("localhost:11434").build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Processors.create(config));

        assertEquals("base URL must start with http:// or https://, got 'localhost:11434'", e.getMessage());
    }

    @Test
    void defaultAndExplicitDefaultUrlShareAFingerprint() {
        ProcessorConfig explicit = BASE.toBuilder().baseUrl("http://localhost:11434/").build();

        assertEquals(Processors.create(BASE).fingerprint(), Processors.create(explicit).fingerprint());
    }

    @Test
    void fingerprintChangesWithEverythingThatDecidesTheAnswer() {
        String base = new OllamaProcessor(BASE).fingerprint();
        List<UnaryOperator<ProcessorConfig.Builder>> changes = List.of(
                b -> b.model("llama3.1"),
                b -> b.baseUrl("http://gpu-box:11434"),
                b -> b.style(Style.CHAT),
                b -> b.systemInstruction("Answer with one instruction."),
                b -> b.temperature(0.7),
                b -> b.maxTokens(32),
                b -> b.stop(List.of("\n")));
        for (UnaryOperator<ProcessorConfig.Builder> change : changes) {
            String changed = new OllamaProcessor(change.apply(BASE.toBuilder()).build()).fingerprint();
            assertNotEquals(base, changed);
        }
        String otherBackend = new OpenAiProcessor(BASE.toBuilder().baseUrl("http://localhost:11434").build()).fingerprint();
        assertNotEquals(base, otherBackend);
    }

    @Test
    void fingerprintIgnoresWhatDoesNotChangeTheAnswer() {
        String base = new OllamaProcessor(BASE).fingerprint();
        ProcessorConfig transport = BASE.toBuilder().stream(true).timeout(Duration.ofSeconds(5)).retries(7).build();

        assertEquals(base, new OllamaProcessor(transport).fingerprint());
    }
}
