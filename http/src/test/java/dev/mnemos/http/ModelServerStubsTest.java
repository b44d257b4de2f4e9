package dev.mnemos.http;

import dev.mnemos.runtime.model.LlamaServerBodies;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ModelServerStubs.Api;

import static dev.mnemos.http.ModelTestSupport.config;
import static dev.mnemos.http.ModelTestSupport.processor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The stubs other modules' tests rely on answer as documented. */
class ModelServerStubsTest {

    @RegisterExtension
    static final ModelServer server = new ModelServer();

    @ParameterizedTest
    @EnumSource(Api.class)
    void answersDependOnThePrompt(Api api) throws Exception {
        for (boolean stream : new boolean[] {false, true}) {
            server.resetAll();
            ModelServerStubs.answerWhenPromptContains(server, api, "m", "if @[5]==\"1\"", "\" op=\"%[A]\" \"", stream);
            ModelServerStubs.answerWhenPromptContains(server, api, "m", "if @[5]==\"0\"", "\" op=\"%[B]\" \"", stream);
            Processor processor = processor(config(server, api, "m", stream).build());

            assertEquals("\" op=\"%[A]\" \"", processor.process("boot\nif @[5]==\"1\" then").text());
            assertEquals("\" op=\"%[B]\" \"", processor.process("boot\nif @[5]==\"0\" then").text());
        }
    }

    @Test
    void otherModelsAreNotAnswered() {
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, "llama3.2", "x", false);

        ModelException e = assertThrows(ModelException.class,
                () -> processor(config(server, Api.OLLAMA_GENERATE, "mistral", false).build()).process("p"));

        assertEquals(ModelException.Kind.REJECTED, e.kind(), e.getMessage());
    }

    @Test
    void streamedBodiesCarryTheAnswerInChunks() throws Exception {
        String ndjson = Api.OLLAMA_GENERATE.body("m", "abcdefg", true);
        String[] lines = ndjson.split("\n");

        assertEquals(4, lines.length, ndjson);
        JsonNode last = ModelTestSupport.JSON.readTree(lines[3]);
        assertTrue(last.get("done").asBoolean());
        assertEquals("stop", last.get("done_reason").asText());
        assertEquals(3, last.get("eval_count").asInt());
        assertTrue(Api.OPENAI_CHAT.body("m", "abcdefg", true).endsWith("data: [DONE]\n\n"));
    }

    /**
     * What SmolLM2-135M said through llama.cpp's server. The streamed completion came right after the
     * plain one, from the server's prompt cache (121 of 122 prompt tokens), and differs in one token:
     * the same prompt at temperature 0 is not always answered alike by that server.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "OPENAI_COMPLETIONS | completion.json       | false | 122 | 19 | '\" op=\"%[A]\" %[i]=\"0\" i+=1 \"'",
            "OPENAI_COMPLETIONS | completion-stream.sse | true  | 122 | 19 | '\" op=\"%[A]\" %[i]=\"1\" i+=1 \"'",
            "OPENAI_CHAT        | chat.json             | false | 152 | 64 | The code is designed to create a new string with the specified format.",
            "OPENAI_CHAT        | chat-stream.sse       | true  | 152 | 64 | The code is designed to create a new string with the specified format."})
    void bodiesCapturedFromLlamaCppsServerAnswerAsTheyDidThere(Api api, String name, boolean stream, int in, int out,
                                                               String text) throws Exception {
        ModelServerStubs.llamaServer(server, api, name);

        Answer answer = processor(config(server, api, "smollm2", stream).build()).process("p");

        assertEquals(in, answer.inputTokens());
        assertEquals(out, answer.outputTokens());
        assertTrue(answer.text().startsWith(text), answer.text());
    }

    @Test
    void llamaCppsContextErrorIsARejectionInOneLine() {
        ModelServerStubs.llamaServer(server, Api.OPENAI_COMPLETIONS, "error-context.json");

        ModelException e = assertThrows(ModelException.class,
                () -> processor(config(server, Api.OPENAI_COMPLETIONS, "smollm2", false).build()).process("p"));

        assertEquals(ModelException.Kind.REJECTED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 400") && e.getMessage().contains(
                "request (5001 tokens) exceeds the available context size (4096 tokens)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OPENAI_COMPLETIONS", "OPENAI_CHAT"})
    void stubbedOpenAiBodiesHaveTheCapturedShape(Api api) throws Exception {
        boolean chat = api == Api.OPENAI_CHAT;
        JsonNode plain = ModelTestSupport.JSON.readTree(api.body("m", "abcdefg", false));
        assertEquals(fieldNames(LlamaServerBodies.json(chat ? "chat.json" : "completion.json")), fieldNames(plain));
        java.util.Set<java.util.Set<String>> captured = new java.util.HashSet<>();
        LlamaServerBodies.events(chat ? "chat-stream.sse" : "completion-stream.sse").forEach(e -> captured.add(fieldNames(e)));
        String sse = api.body("m", "abcdefg", true);
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: {")) assertTrue(captured.contains(fieldNames(ModelTestSupport.JSON.readTree(line.substring(6)))), line);
        }
        assertTrue(sse.endsWith("data: [DONE]\n\n"), sse);
    }

    private static java.util.Set<String> fieldNames(JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
