package dev.mnemos.poem.fewshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import dev.mnemos.embed.Encoder;
import dev.mnemos.embed.TestEncoders;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.Selection;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.runtime.model.ChatModels;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import dev.mnemos.runtime.model.ProcessorConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/** FewShotChatModel inside a real AiServices proxy, against WireMock speaking Ollama's /api/chat. */
class FewShotChatModelTest {

    @RegisterExtension
    static final ModelServer server = new ModelServer();

    static final String SYSTEM = "Say whether the review is positive or negative. Answer with one word.";

    interface Classifier {
        @SystemMessage(SYSTEM)
        String classify(String review);
    }

    static final List<Example> EXAMPLES = List.of(
            new Example("The waiter was rude and slow.", "negative"),
            new Example("The soup was cold and bland.", "negative"),
            new Example("Lovely staff and a great view.", "positive"),
            new Example("The battery lasts two full days.", "positive"),
            new Example("The screen cracked in a week.", "negative"));
    static final Permutation LEARNED = Permutation.of(2, 1);

    final Encoder encoder = TestEncoders.miniLm();
    final EpisodicMemory memory = EpisodicMemory.builder().dimension(384).build();
    final Poem poem = Poem.builder().encoder(encoder).examples(EXAMPLES).estimator(memory).task(Task.simple(List.of())).m(2).build();
    final List<Selection> heard = new ArrayList<>();
    FewShotChatModel model;

    @BeforeEach
    void setUp() {
        server.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", Api.OLLAMA_CHAT.contentType(false))
                .withBody(Api.OLLAMA_CHAT.body("llama3.2", "negative", false))));
        poem.feedback("The waiter ignored us all evening.", LEARNED, 1.0);     // the memory prefers [2,1] here
        poem.feedback("The waiter ignored us all evening.", Permutation.identity(2), 0.0);
        model = FewShotChatModel.builder()
                .model(ChatModels.create(ProcessorConfig.builder().backend("ollama").baseUrl(server.baseUrl()).model("llama3.2").retries(0).build()))
                .fewShot(FewShot.of(poem))
                .listener((selection, response) -> heard.add(selection))
                .build();
    }

    /** The examples as the model must see them: ranks 2 then 1 of the query's two nearest, as user/assistant turns. */
    List<String[]> expectedShots(String query) {
        List<Example> byRank = poem.pool().nearest(encoder.encode(query), 2).byRank();
        List<String[]> out = new ArrayList<>();
        for (Example e : LEARNED.apply(byRank)) {
            out.add(new String[] {"user", e.input()});
            out.add(new String[] {"assistant", e.output()});
        }
        return out;
    }

    /** (role, content) of every message of every /api/chat request, in the order received. */
    static List<List<String[]>> sent() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<List<String[]>> requests = new ArrayList<>();
        for (var r : server.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))) {
            List<String[]> messages = new ArrayList<>();
            for (JsonNode m : json.readTree(r.getBodyAsString()).path("messages")) {
                messages.add(new String[] {m.path("role").asText(), m.path("content").asText()});
            }
            requests.add(messages);
        }
        return requests;
    }

    static void assertMessages(List<String[]> expected, List<String[]> actual) {
        assertEquals(expected.stream().map(m -> m[0] + ": " + m[1]).toList(), actual.stream().map(m -> m[0] + ": " + m[1]).toList());
    }

    @Test
    void anAiServiceWithoutMemorySendsTheExamplesAfterTheSystemMessageInTheLearnedOrder() throws Exception {
        Classifier classifier = AiServices.builder(Classifier.class).chatModel(model).build();
        String query = "The waiter forgot our order twice.";

        assertEquals("negative", classifier.classify(query));

        List<String[]> expected = new ArrayList<>();
        expected.add(new String[] {"system", SYSTEM});
        expected.addAll(expectedShots(query));
        expected.add(new String[] {"user", query});
        assertMessages(expected, sent().get(0));

        Selection used = model.lastSelection().orElseThrow();
        assertEquals(LEARNED, used.action());
        assertTrue(used.learned());
        assertEquals(List.of(used), heard, "the listener hears the same selection");
        model.feedback(used, 0.0);
        assertEquals(Optional.of(0.0), memory.reward(used.state(), used.action()), "feedback writes the query's episode");
    }

    @Test
    void withChatMemoryTheExamplesGoBeforeTheHistoryAndAreNeverStored() throws Exception {
        ChatMemory chatMemory = MessageWindowChatMemory.withMaxMessages(20);
        Classifier classifier = AiServices.builder(Classifier.class).chatModel(model).chatMemory(chatMemory).build();
        String first = "The waiter forgot our order twice.", second = "The hotel room was spotless and quiet.";

        classifier.classify(first);
        classifier.classify(second);

        List<String[]> expected = new ArrayList<>();
        expected.add(new String[] {"system", SYSTEM});
        expected.addAll(expectedShots(second));   // the second query's examples, not the first's
        expected.add(new String[] {"user", first});
        expected.add(new String[] {"assistant", "negative"});
        expected.add(new String[] {"user", second});
        assertMessages(expected, sent().get(1));

        List<ChatMessage> stored = chatMemory.messages();
        assertEquals(List.of(dev.langchain4j.data.message.SystemMessage.from(SYSTEM), UserMessage.from(first), AiMessage.from("negative"),
                UserMessage.from(second), AiMessage.from("negative")), stored, "the chat memory holds the conversation, no examples");
        assertEquals(2, heard.size());
    }

    @Test
    void withoutASystemMessageTheExamplesComeFirst() {
        List<ChatMessage> messages = FewShotChatModel.withExamples(List.of(UserMessage.from("q")),
                List.of(UserMessage.from("e"), AiMessage.from("l")));
        assertEquals(List.of(UserMessage.from("e"), AiMessage.from("l"), UserMessage.from("q")), messages);
    }

    @Test
    void theModelsFailuresPassThroughUnchanged() {
        ModelServerStubs.ollamaModelNotFound(server, "llama3.2");
        Classifier classifier = AiServices.builder(Classifier.class).chatModel(model).build();
        RuntimeException e = assertThrows(RuntimeException.class, () -> classifier.classify("The soup was cold."));
        assertTrue(e.getClass().getName().startsWith("dev.langchain4j"), e.getClass().getName());
    }

    @Test
    void withEveryRewardTheSameTheModelGetsTheDefaultOrderNotALearnedOne() {
        EpisodicMemory same = EpisodicMemory.builder().dimension(384).build();
        Poem sameRewards = Poem.builder().encoder(encoder).examples(EXAMPLES).estimator(same).task(Task.simple(List.of())).m(2).build();
        sameRewards.feedback("The waiter ignored us all evening.", LEARNED, 0.0);    // no answer was right: nothing to prefer
        FewShotChatModel chat = FewShotChatModel.builder().model(model).fewShot(FewShot.of(sameRewards)).build();
        AiServices.builder(Classifier.class).chatModel(chat).build().classify("The waiter forgot our order twice.");

        Selection used = chat.lastSelection().orElseThrow();
        assertFalse(used.learned());
        assertEquals(Selection.Basis.REWARDS_ALL_EQUAL, used.basis());
        assertEquals(Permutation.identity(2), used.action());
        assertTrue(used.toString().contains("order [1,2] (default: every reward in the memory is the same, so no order was learned)"), used.toString());
    }

    @Test
    void aPlainFewShotGivesTheTurnsAndSelectionsPrintReadably() {
        FewShot fewShot = FewShot.of(poem);
        List<ChatMessage> turns = fewShot.select("The waiter forgot our order twice.");
        assertEquals(4, turns.size());
        assertInstanceOf(UserMessage.class, turns.get(0));
        assertInstanceOf(AiMessage.class, turns.get(1));
        String printed = fewShot.shots("The waiter forgot our order twice.").selection().toString();
        assertTrue(printed.startsWith("Selection[query=\"The waiter forgot our order twice.\", order [2,1] (learned), examples [Example["), printed);
        assertFalse(printed.contains("[F@"), printed);
        assertFalse(memory.episodes().toString().contains("[F@"), memory.episodes().toString());
    }
}
