package dev.mnemos.http;

import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.runtime.model.ModelServerStubs.Api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A base URL with a password in it: the password is sent (Ollama), never stored or printed. */
class UserInfoTest {

    @RegisterExtension
    static final ModelServer server = new ModelServer();

    static String withPassword(String url) {
        return url.replace("http://", "http://alice:SECRET@");
    }

    static ProcessorConfig config(Api api, String url) {
        return ModelTestSupport.config(server, api, "m", false).baseUrl(withPassword(url)).build();
    }

    @Test
    void theFingerprintHoldsTheUrlWithoutItsUserInfo() {
        ProcessorConfig config = ProcessorConfig.builder().baseUrl("http://alice:SECRET@host:11434").model("m").build();

        assertEquals(ProcessorConfig.builder().baseUrl("http://host:11434").model("m").build().fingerprint(),
                Processors.create(config).fingerprint());
        assertEquals("http://host:11434", config.baseUrl());
        assertFalse(config.toString().contains("SECRET"), config.toString());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void errorMessagesNeverShowThePassword(Api api) {
        ModelServerStubs.serverError(server, api, 500, "boom");
        String url = server.baseUrl() + (api.isOllama() ? "" : "/v1");

        ModelException e = assertThrows(ModelException.class, () -> Processors.create(config(api, url)).process("hello"));

        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("alice"), e.getMessage());
        assertEquals(true, e.getMessage().contains(url), e.getMessage());
    }

    @Test
    void anUnreachableServerIsNamedWithoutThePassword() {
        String url = "http://localhost:" + ModelTestSupport.closedPort();
        ProcessorConfig config = ProcessorConfig.builder().baseUrl(withPassword(url)).model("m").timeout(Duration.ofSeconds(2)).build();

        ModelException e = assertThrows(ModelException.class, () -> Processors.create(config).process("hello"));

        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OLLAMA_GENERATE", "OLLAMA_CHAT"})
    void ollamaGetsTheUserInfoAsBasicAuth(Api api) throws Exception {
        ModelServerStubs.answer(server, api, "m", "op=\"halt\"", false);

        assertEquals("op=\"halt\"", Processors.create(config(api, server.baseUrl())).process("hello").text());

        server.verify(postRequestedFor(urlPathEqualTo(api.path()))
                .withHeader("Authorization", equalTo("Basic YWxpY2U6U0VDUkVU")));
    }
}
