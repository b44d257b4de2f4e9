package dev.mnemos.http;

import dev.mnemos.runtime.model.ChatModels;
import dev.mnemos.runtime.model.ModelErrors;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.runtime.model.Style;

import dev.langchain4j.model.chat.ChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Base64;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that echoes the request's Authorization header in its error body (some proxies and
 * debugging servers do) must not get the credential printed: not the API key, not the Basic
 * header, not the password, on any path (our clients, LangChain4j's chat models).
 */
class SecretsTest {

    static final String KEY = "sk-live-4f9a8b7c6d5e";
    static final String PASSWORD = "s3cret-pw";

    @RegisterExtension
    final ModelServer server = new ModelServer();

    /** Every request gets {@code status} with a body that repeats the Authorization header it came with. */
    void echoAuthorization(int status) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"bad header Authorization: {{request.headers.Authorization}} (key {{request.headers.Authorization}})\"}")
                .withTransformers("response-template")));
    }

    static void clean(ModelException e, String... secrets) {
        for (String secret : secrets) assertFalse(e.getMessage().contains(secret), secret + " printed: " + e.getMessage());
    }

    @Test
    void anEchoedBearerKeyIsNotPrintedFromACompletionOrAChat() {
        echoAuthorization(401);
        for (Style style : Style.values()) {
            ProcessorConfig config = ProcessorConfig.builder().backend("openai").baseUrl(server.baseUrl() + "/v1").model("m")
                    .apiKey(KEY).style(style).retries(0).build();
            ModelException e = assertThrows(ModelException.class, () -> Processors.create(config).process("hello"));
            assertEquals(ModelException.Kind.REJECTED, e.kind());
            assertTrue(e.getMessage().contains("Bearer ***"), e.getMessage());
            clean(e, KEY, "4f9a8b7c6d5e");
        }
    }

    @Test
    void anEchoedBasicHeaderAndThePasswordAreNotPrinted() {
        echoAuthorization(500);
        String basic = Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes());
        for (Style style : Style.values()) {
            ProcessorConfig config = ProcessorConfig.builder().baseUrl(server.baseUrl().replace("://", "://alice:" + PASSWORD + "@"))
                    .model("llama3.2").style(style).retries(0).build();
            ModelException e = assertThrows(ModelException.class, () -> Processors.create(config).process("hello"));
            assertEquals(ModelException.Kind.SERVER_ERROR, e.kind());
            assertTrue(e.getMessage().contains("Basic ***"), e.getMessage());
            clean(e, basic, PASSWORD);
        }
    }

    @Test
    void theChatModelsOfChatModelsAreScrubbedThroughTranslate() {
        echoAuthorization(401);
        ProcessorConfig config = ProcessorConfig.builder().backend("openai").baseUrl(server.baseUrl() + "/v1").model("m")
                .apiKey(KEY).retries(0).build();
        ChatModel chat = ChatModels.create(config);
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> chat.chat("hello"));
        ModelException e = ModelErrors.translate(thrown, config);
        assertEquals(ModelException.Kind.REJECTED, e.kind());
        clean(e, KEY, "4f9a8b7c6d5e");
    }

    @Test
    void aKeyWithoutItsSchemeIsTakenOutToo() {
        ModelException e = new ModelException(ModelException.Kind.REJECTED, "the server said: key sk-abcdef123 is revoked; Bearer abc.def-123");
        assertEquals("the server said: key sk-*** is revoked; Bearer ***", e.getMessage());
    }
}
