package dev.mnemos.cli.poem;

import dev.mnemos.poem.ask.ChatAsker;
import dev.mnemos.poem.ask.Reply;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.reward.ClassificationMargin;
import dev.mnemos.runtime.model.ChatModels;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.ModelServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/** The margin reward's log-probabilities through the OpenAI-compatible protocol (the core's ChatAsker names no API). */
class OpenAiLogProbsTest {

    @RegisterExtension
    static final ModelServer server = new ModelServer();

    static final Task TASK = Task.simple(List.of("positive", "negative"));
    static final List<Example> EXAMPLES = List.of(new Example("Lovely hotel.", "positive"), new Example("Dirty room.", "negative"));

    static ProcessorConfig config(String backend, String baseUrl, String model) {
        return ProcessorConfig.builder().backend(backend).baseUrl(baseUrl).model(model).apiKey("test").retries(0)
                .timeout(Duration.ofSeconds(10)).build();
    }

    static ProcessorConfig openAi() {
        return config("openai", server.baseUrl() + "/v1", "qwen2.5-7b-instruct");
    }

    static ProcessorConfig ollama() {
        return config("ollama", server.baseUrl(), "llama3.2");
    }

    @Test
    void readsFirstTokenLogProbabilitiesFromAnOpenAiCompatibleServer() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.logprobs", equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"id":"chatcmpl-9f2c","object":"chat.completion","created":1760742847,"model":"qwen2.5-7b-instruct",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"negative"},
                           "logprobs":{"content":[{"token":"negative","logprob":-0.105,"bytes":[110,101,103,97,116,105,118,101],
                             "top_logprobs":[{"token":"negative","logprob":-0.105,"bytes":[110]},
                                             {"token":"positive","logprob":-2.31,"bytes":[112]},
                                             {"token":"Negative","logprob":-4.2,"bytes":[78]}]}]},
                           "finish_reason":"stop"}],
                         "usage":{"prompt_tokens":41,"completion_tokens":1,"total_tokens":42}}""")));
        ChatAsker asker = ChatAsker.builder().model(ChatModels.create(openAi())).task(TASK).logProbs(new OpenAiLogProbs()).config(openAi()).build();
        Reply reply = asker.ask("Cold shower.", EXAMPLES);
        assertEquals("negative", reply.text());
        assertEquals(-2.31, reply.firstTokenTop().get("positive"), 1e-9);
        assertEquals(-0.105 - -2.31, new ClassificationMargin(TASK.labels()).score(reply, "negative"), 1e-9);
    }

    @Test
    void logProbabilitiesCannotBeAskedOfOllama() {
        var e = assertThrows(IllegalArgumentException.class, () -> ChatAsker.builder().model(ChatModels.create(ollama())).task(TASK).logProbs(new OpenAiLogProbs()).config(ollama()).build());
        assertTrue(e.getMessage().contains("--backend openai"), e.getMessage());
    }
}
