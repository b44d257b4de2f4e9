package dev.mnemos.http;

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
}
