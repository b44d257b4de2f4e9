package dev.mnemos.cli.poem;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mnemos.poem.ask.ChatAsker;
import dev.mnemos.poem.ask.Reply;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.reward.ClassificationMargin;
import dev.mnemos.runtime.model.ChatModels;
import dev.mnemos.runtime.model.ProcessorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

/** The margin reward's log-probabilities through the OpenAI-compatible protocol (the core's ChatAsker names no API). */
class OpenAiLogProbsTest {

    static final Task TASK = new Task("Say positive or negative.", "Review: {input}\nSentiment: {output}", "Review: {input}\nSentiment:",
            "\n\n", "Review: {input}", List.of("positive", "negative"));
    static final List<Example> EXAMPLES = List.of(new Example("Lovely hotel.", "positive"), new Example("Dirty room.", "negative"));

    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    ProcessorConfig openAi() {
        return ProcessorConfig.builder().backend("openai").baseUrl(server.baseUrl() + "/v1").model("qwen2.5-7b-instruct")
                .apiKey("test").retries(0).timeout(Duration.ofSeconds(10)).build();
    }

    ProcessorConfig ollama() {
        return ProcessorConfig.builder().backend("ollama").baseUrl(server.baseUrl()).model("llama3.2").retries(0)
                .timeout(Duration.ofSeconds(10)).build();
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
