package dev.mnemos.http;

import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.RetryingProcessor;

import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.RunLimits;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.memory.MemoryFile;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/** The cycle's pipeline around an HTTP processor: one retry policy, every request counted. */
class RetryPipelineTest {

    @RegisterExtension
    static final ModelServer server = new ModelServer();

    /** The countdown sample program: its first cycle asks the model. */
    static Memory countdown(int n) throws Exception {
        Memory m = MemoryFile.load(Path.of("..", "samples", "programs", "countdown.json"));
        m.put("n", n);
        return m;
    }

    /** Ollama behind the server, retried twice as its provider does (with a 10 ms first wait). */
    static RetryingProcessor ollama() {
        ProcessorConfig config = ProcessorConfig.builder().baseUrl(server.baseUrl()).model("llama3.2")
                .timeout(Duration.ofSeconds(5)).retries(2).build();
        return new RetryingProcessor(new OllamaProcessor(config), config.retries(), Duration.ofMillis(10));
    }

    @Test
    void aPersistent503SendsNoMoreRequestsThanTheCallLimitAndReportsThemAll() throws Exception {
        ModelServerStubs.serverError(server, Api.OLLAMA_GENERATE, 503, "overloaded");

        RunResult r = Machine.builder().processor(ollama()).retries(1)
                .limits(RunLimits.NONE.withMaxModelCalls(2)).build().run(countdown(2));

        server.verify(2, postRequestedFor(urlPathEqualTo("/api/generate")));
        assertEquals(2, r.modelCalls(), "the count users see is the requests sent");
        assertEquals(RunResult.Status.FAILED, r.status());
        assertTrue(r.failure().getMessage().endsWith("(gave up after 2 tries; the call limit allowed no more)"), r.failure().getMessage());
    }

    @Test
    void withoutALimitTheProcessorsRetriesAreTheOnlyOnes() throws Exception {
        ModelServerStubs.serverError(server, Api.OLLAMA_GENERATE, 503, "overloaded");

        RunResult r = Machine.builder().processor(ollama()).retries(1).build().run(countdown(2));

        server.verify(3, postRequestedFor(urlPathEqualTo("/api/generate")));
        assertEquals(3, r.modelCalls());
        assertEquals(ModelException.Kind.SERVER_ERROR, ((ModelException) r.failure()).kind());
    }
}
