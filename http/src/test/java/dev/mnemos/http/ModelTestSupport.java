package dev.mnemos.http;

import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.RetryingProcessor;
import dev.mnemos.runtime.model.Style;
import dev.mnemos.runtime.model.ModelServerStubs.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/** Small helpers shared by the model tests. */
final class ModelTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration FAST_BACKOFF = Duration.ofMillis(10);

    private ModelTestSupport() {}

    /** Settings for the backend behind {@code api} on {@code server}. */
    static ProcessorConfig.Builder config(WireMockServer server, Api api, String model, boolean stream) {
        boolean ollama = api.isOllama();
        boolean chat = api == Api.OLLAMA_CHAT || api == Api.OPENAI_CHAT;
        return ProcessorConfig.builder()
                .backend(ollama ? "ollama" : "openai")
                .baseUrl(ollama ? server.baseUrl() : server.baseUrl() + "/v1")
                .model(model)
                .style(chat ? Style.CHAT : Style.COMPLETION)
                .stream(stream)
                .timeout(Duration.ofSeconds(5))
                .retries(0);
    }

    /** The backend's processor, retried as its provider does but with a 10 ms first wait. */
    static Processor processor(ProcessorConfig config) {
        Processor one = config.backend().equals("ollama") ? new OllamaProcessor(config) : new OpenAiProcessor(config);
        return new RetryingProcessor(one, config.retries(), FAST_BACKOFF);
    }

    /** Requests the server received, oldest first. */
    static List<LoggedRequest> requests(WireMockServer server) {
        List<LoggedRequest> requests = server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        return requests;
    }

    /** The JSON body of the only request the server received. */
    static JsonNode onlyRequestBody(WireMockServer server) {
        List<LoggedRequest> requests = requests(server);
        if (requests.size() != 1) throw new AssertionError("expected one request, got " + requests.size());
        try {
            return JSON.readTree(requests.get(0).getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
