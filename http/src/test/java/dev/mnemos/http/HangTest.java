package dev.mnemos.http;

import dev.mnemos.runtime.model.ChatModels;
import dev.mnemos.runtime.model.ModelErrors;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.runtime.model.Style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.runtime.model.ModelException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A server that never finishes its answer: {@code --timeout} bounds the whole call on every path. */
class HangTest {

    @ParameterizedTest(name = "{0} {1} stream={2}")
    @CsvSource({
            "ollama,COMPLETION,false", "ollama,CHAT,false", "ollama,COMPLETION,true", "ollama,CHAT,true",
            "openai,COMPLETION,false", "openai,CHAT,false", "openai,COMPLETION,true", "openai,CHAT,true"})
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aServerThatNeverFinishesTimesOut(String backend, Style style, boolean stream) throws Exception {
        EndlessServer.Mode mode = !stream ? EndlessServer.Mode.TRICKLE
                : backend.equals("ollama") ? EndlessServer.Mode.OLLAMA_STREAM : EndlessServer.Mode.OPENAI_STREAM;
        try (EndlessServer server = new EndlessServer(mode)) {
            ProcessorConfig config = ProcessorConfig.builder().backend(backend)
                    .baseUrl(server.baseUrl() + (backend.equals("openai") ? "/v1" : ""))
                    .model("m").style(style).stream(stream).timeout(Duration.ofMillis(800)).retries(0).build();
            long t0 = System.nanoTime();
            try (Processor processor = Processors.create(config)) {
                ModelException e = assertThrows(ModelException.class, () -> processor.process("hello"));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
                assertTrue(e.getMessage().contains("within 800 ms"), e.getMessage());
                assertTrue(ms < 800 + 4_000, "took " + ms + " ms");
            }
        }
    }

    /** The chat models other modules build (poem's ChatAsker) are bounded the same way, and keep their types. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"ollama", "openai"})
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aChatModelOfChatModelsTimesOutOnABodyThatNeverEnds(String backend) throws Exception {
        try (EndlessServer server = new EndlessServer(EndlessServer.Mode.TRICKLE)) {
            ProcessorConfig config = ProcessorConfig.builder().backend(backend)
                    .baseUrl(server.baseUrl() + (backend.equals("openai") ? "/v1" : ""))
                    .model("m").style(Style.CHAT).timeout(Duration.ofMillis(800)).retries(0).build();
            dev.langchain4j.model.chat.ChatModel model = ChatModels.create(config);
            assertTrue(backend.equals("ollama") ? model instanceof dev.langchain4j.model.ollama.OllamaChatModel
                    : model instanceof dev.langchain4j.model.openai.OpenAiChatModel);
            long t0 = System.nanoTime();

            RuntimeException e = assertThrows(RuntimeException.class, () -> model.chat("hello"));

            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Kind.TIMEOUT, ModelErrors.translate(e, config).kind(), e.toString());
            assertTrue(ms < 800 + 4_000, "took " + ms + " ms");
        }
    }
}
