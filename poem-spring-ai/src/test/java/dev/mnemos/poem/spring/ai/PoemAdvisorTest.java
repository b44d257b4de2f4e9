package dev.mnemos.poem.spring.ai;

import dev.mnemos.embed.TestEncoders;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.Selection;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.prompt.Task;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.client.advisor.PromptChatMemoryAdvisor;
import org.springframework.ai.chat.client.advisor.ToolCallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.function.FunctionToolCallback;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** The advisor inside a real Spring AI ChatClient, with Spring AI's own chat-memory advisor beside it. */
class PoemAdvisorTest {

    static final String SYSTEM = "Say whether the review is positive or negative. Answer with one word.";
    static final Task TASK = new Task(SYSTEM, "Review: {input}\nSentiment: {output}", "Review: {input}\nSentiment:", "\n\n",
            "Review: {input}", List.of("positive", "negative"));
    static final List<Example> EXAMPLES = List.of(
            new Example("The waiter was rude and slow.", "negative"),
            new Example("The soup was cold and bland.", "negative"),
            new Example("Lovely staff and a great view.", "positive"),
            new Example("The battery lasts two full days.", "positive"),
            new Example("The screen cracked in a week.", "negative"));
    static final String QUERY = "The waiter ignored us all evening.";
    static final Permutation LEARNED = Permutation.of(2, 1, 3);

    final Poem poem = Poem.builder().encoder(TestEncoders.miniLm()).examples(EXAMPLES)
            .estimator(EpisodicMemory.builder().dimension(384).build()).task(TASK).m(3).build();
    final PoemAdvisor advisor = PoemAdvisor.builder().poem(poem).build();
    final RecordingChatModel model = new RecordingChatModel("negative");
    final ChatClient chat = ChatClient.builder(model).defaultSystem(SYSTEM).defaultAdvisors(advisor).build();

    /** What the model must get for QUERY: the system message, the three nearest examples in this order, the query. */
    static List<String> expected(Selection s, String... rest) {
        List<String> out = new ArrayList<>(List.of("SYSTEM " + SYSTEM));
        for (Example e : s.ordered()) {
            out.add("USER Review: " + e.input());
            out.add("ASSISTANT " + e.output());
        }
        out.addAll(List.of(rest));
        return out;
    }

    static List<String> shown(List<Message> messages) {
        return messages.stream().map(m -> m.getMessageType() + " " + m.getText()).toList();
    }

    @Test
    void theExamplesGoRightAfterTheSystemMessageInTheOrderTheMemoryLearned() {
        poem.feedback(QUERY, LEARNED, 1.0);
        poem.feedback(QUERY, Permutation.identity(3), 0.0);

        ChatClientResponse response = chat.prompt().user("Review: " + QUERY).call().chatClientResponse();

        Selection s = PoemAdvisor.selection(response).orElseThrow();
        assertEquals(Selection.Basis.LEARNED, s.basis());
        assertEquals(LEARNED, s.action());
        assertEquals(QUERY, s.query(), "the user template's words are taken off the query");
        assertEquals(List.of("The waiter was rude and slow.", "The soup was cold and bland.", "The screen cracked in a week."),
                s.ranked().byRank().stream().map(Example::input).toList(), "the three nearest, most similar first");
        assertEquals(expected(s, "USER Review: " + QUERY), shown(model.last().getInstructions()));
        assertEquals("The soup was cold and bland.", s.ordered().get(0).input(), "rank 2 goes first");
        assertSame(s, PoemAdvisor.selection(response.chatResponse()).orElseThrow(), "also in the response metadata");
    }

    @Test
    void feedbackThroughTheAdvisorChangesTheNextOrder() {
        ChatClientResponse first = chat.prompt().user(QUERY).call().chatClientResponse();
        Selection s = PoemAdvisor.selection(first).orElseThrow();
        assertEquals(Selection.Basis.NO_SIMILAR_QUERY, s.basis());
        assertEquals(Permutation.identity(3), s.action());

        advisor.feedback(s, 0.0);
        poem.feedback(QUERY, Permutation.reversed(3), 1.0);
        Selection next = PoemAdvisor.selection(chat.prompt().user(QUERY).call().chatClientResponse()).orElseThrow();

        assertEquals(Permutation.reversed(3), next.action());
        assertEquals(expected(next, "USER " + QUERY), shown(model.last().getInstructions()));
    }

    @Test
    void aStreamedCallGetsTheSameExamplesAndEveryChunkCarriesTheSelection() {
        poem.feedback(QUERY, LEARNED, 1.0);
        poem.feedback(QUERY, Permutation.identity(3), 0.0);

        List<ChatClientResponse> chunks = chat.prompt().user(QUERY).stream().chatClientResponse().collectList().block();

        assertEquals(2, chunks.size());
        Selection s = PoemAdvisor.selection(chunks.get(0)).orElseThrow();
        assertEquals(LEARNED, s.action());
        for (ChatClientResponse c : chunks) {
            assertSame(s, PoemAdvisor.selection(c).orElseThrow());
            assertSame(s, PoemAdvisor.selection(c.chatResponse()).orElseThrow());
        }
        assertEquals(expected(s, "USER " + QUERY), shown(model.last().getInstructions()));
    }

    @Test
    void withSpringAisChatMemoryTheExamplesComeBeforeTheHistoryAndNeverEnterTheMemory() {
        ChatMemory memory = MessageWindowChatMemory.builder().build();
        ChatClient withMemory = ChatClient.builder(model).defaultSystem(SYSTEM)
                .defaultAdvisors(advisor, MessageChatMemoryAdvisor.builder(memory).build()) // given in the "wrong" order: order() decides
                .build();
        String second = "The soup was cold.";

        withMemory.prompt().user(QUERY).advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "c1")).call().content();
        ChatClientResponse r = withMemory.prompt().user(second).advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "c1"))
                .call().chatClientResponse();

        Selection s = PoemAdvisor.selection(r).orElseThrow();
        assertEquals(second, s.query(), "chosen for the new message, not the history");
        assertEquals(expected(s, "USER " + QUERY, "ASSISTANT negative", "USER " + second), shown(model.last().getInstructions()));
        assertEquals(List.of("USER " + QUERY, "ASSISTANT negative", "USER " + second, "ASSISTANT negative"),
                shown(memory.get("c1")), "the memory holds the conversation, no example");
    }

    @Test
    void aStreamedCallBesideChatMemoryKeepsTheExamplesOutOfTheMemoryToo() {
        ChatMemory memory = MessageWindowChatMemory.builder().build();
        ChatClient withMemory = ChatClient.builder(model).defaultSystem(SYSTEM)
                .defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build(), advisor).build();
        String second = "The soup was cold.";

        withMemory.prompt().user(QUERY).advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "c2")).stream().content().collectList().block();
        List<ChatClientResponse> chunks = withMemory.prompt().user(second).advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "c2"))
                .stream().chatClientResponse().collectList().block();

        Selection s = PoemAdvisor.selection(chunks.get(chunks.size() - 1)).orElseThrow();
        assertEquals(second, s.query());
        assertEquals(expected(s, "USER " + QUERY, "ASSISTANT negative", "USER " + second), shown(model.last().getInstructions()));
        assertEquals(List.of("USER " + QUERY, "ASSISTANT negative", "USER " + second, "ASSISTANT negative"),
                shown(memory.get("c2")), "the streamed answers joined, no example");
    }

    @Test
    void withThePromptChatMemoryAdvisorTheHistoryIsInTheSystemMessageAndNoExampleInTheMemory() {
        ChatMemory memory = MessageWindowChatMemory.builder().build();
        ChatClient withMemory = ChatClient.builder(model).defaultSystem(SYSTEM)
                .defaultAdvisors(advisor, PromptChatMemoryAdvisor.builder(memory).build()).build();
        String second = "The soup was cold.";

        withMemory.prompt().user(QUERY).advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "c3")).call().content();
        Selection s = PoemAdvisor.selection(withMemory.prompt().user(second).advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "c3"))
                .call().chatClientResponse()).orElseThrow();

        List<String> sent = shown(model.last().getInstructions());
        assertTrue(sent.get(0).startsWith("SYSTEM " + SYSTEM) && sent.get(0).contains("<user>" + QUERY + "</user>"), sent.get(0));
        assertEquals(expected(s, "USER " + second).subList(1, 8), sent.subList(1, sent.size()), "the examples, then the new message");
        assertEquals(List.of("USER " + QUERY, "ASSISTANT negative", "USER " + second, "ASSISTANT negative"), shown(memory.get("c3")));
    }

    @Test
    void anAdvisorAtOrderZeroSeesTheExamples() {
        List<List<Message>> seen = new ArrayList<>();
        CallAdvisor logger = new CallAdvisor() {
            public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
                seen.add(request.prompt().getInstructions());
                return chain.nextCall(request);
            }
            public String getName() { return "logger"; }
            public int getOrder() { return 0; }
        };
        ChatClient client = ChatClient.builder(model).defaultSystem(SYSTEM).defaultAdvisors(logger, advisor).build();

        ChatResponse response = client.prompt().user(QUERY).call().chatResponse();

        Selection s = PoemAdvisor.selection(response).orElseThrow();
        assertEquals(expected(s, "USER " + QUERY), shown(seen.get(0)));
    }

    record Hotel(String name) {}

    /** A model that first asks for the tool, then answers with what the tool said. */
    static final class ToolCallingModel implements ChatModel {
        final List<Prompt> prompts = new CopyOnWriteArrayList<>();

        @Override
        public ChatResponse call(Prompt prompt) {
            prompts.add(prompt);
            AssistantMessage answer = prompts.size() == 1
                    ? AssistantMessage.builder().content("").toolCalls(List.of(
                            new AssistantMessage.ToolCall("call-1", "function", "hotelRating", "{\"name\": \"Grand\"}"))).build()
                    : new AssistantMessage("negative");
            return new ChatResponse(List.of(new Generation(answer)));
        }
    }

    /** Each message as its type and text, a tool call or tool response as what it carries. */
    static List<String> shownWithTools(List<Message> messages) {
        return messages.stream().map(m -> {
            if (m instanceof AssistantMessage a && a.hasToolCalls()) return "ASSISTANT calls " + a.getToolCalls().get(0).name();
            if (m instanceof ToolResponseMessage t) return "TOOL " + t.getResponses().get(0).responseData();
            return m.getMessageType() + " " + m.getText();
        }).toList();
    }

    @Test
    void inSpringAisToolCallingLoopEachRoundGetsTheExamplesOnceRightAfterTheSystemMessage() {
        ToolCallingModel tools = new ToolCallingModel();
        ChatClient client = ChatClient.builder(tools).defaultSystem(SYSTEM)
                .defaultAdvisors(advisor, ToolCallAdvisor.builder().toolCallingManager(ToolCallingManager.builder().build()).build())
                .defaultToolCallbacks(FunctionToolCallback.builder("hotelRating", (Hotel h) -> h.name() + ": 2 stars")
                        .description("The rating of a hotel").inputType(Hotel.class).build())
                .build();

        ChatClientResponse response = client.prompt().user(QUERY).call().chatClientResponse();

        assertEquals("negative", response.chatResponse().getResult().getOutput().getText());
        Selection s = PoemAdvisor.selection(response).orElseThrow();
        assertEquals(2, tools.prompts.size(), "the model was asked twice: the tool call, then the answer");
        assertEquals(expected(s, "USER " + QUERY), shownWithTools(tools.prompts.get(0).getInstructions()));
        assertEquals(expected(s, "USER " + QUERY, "ASSISTANT calls hotelRating", "TOOL \"Grand: 2 stars\""),
                shownWithTools(tools.prompts.get(1).getInstructions()), "the second round: the examples once, then the tool's exchange");
    }

    @Test
    void theQueryParameterChoosesForAnotherTextThanTheUserMessage() {
        String wrapped = "Please classify this, thanks: The battery died after an hour.";

        Selection s = PoemAdvisor.selection(chat.prompt().user(wrapped)
                .advisors(a -> a.param(PoemAdvisor.QUERY, "The battery died after an hour.")).call().chatClientResponse()).orElseThrow();

        assertEquals("The battery died after an hour.", s.query());
        assertEquals("The battery lasts two full days.", s.ranked().byRank().get(0).input());
        assertEquals(expected(s, "USER " + wrapped), shown(model.last().getInstructions()), "the user message goes as it was");
    }

    @Test
    void examplesAlreadyInARequestAreReplacedNotRepeated() {
        Selection s = poem.select(QUERY);
        List<Message> examples = ExampleMessages.of(s, TASK);
        List<Message> once = ExampleMessages.insert(List.of(new org.springframework.ai.chat.messages.SystemMessage(SYSTEM),
                new org.springframework.ai.chat.messages.UserMessage(QUERY)), examples);

        List<Message> again = ExampleMessages.insert(once, examples); // a tool-calling loop's next round

        assertEquals(shown(once), shown(again));
        assertEquals(expected(s, "USER " + QUERY), shown(again));
        assertEquals(QUERY, ExampleMessages.lastUserText(again));
    }

    @Test
    void aRequestWithoutUserTextIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExampleMessages.lastUserText(List.of(new org.springframework.ai.chat.messages.SystemMessage(SYSTEM))));
        assertEquals("the request has no user message with text to choose POEM's examples for", e.getMessage());
        assertTrue(model.prompts.isEmpty());
    }

    @Test
    void theUserTemplateIsTakenOffOnlyWhereItFits() {
        UserTemplate review = new UserTemplate("Review: {input}");
        assertEquals("Cold soup.", review.input("Review: Cold soup."));
        assertEquals("Cold soup.", review.input("Cold soup."));
        assertEquals("Review: ", review.input("Review: "), "nothing left: the text as it is");
        assertEquals("Cold soup.", new UserTemplate("<{input}>").input("<Cold soup.>"));
        assertEquals("x", new UserTemplate("{input}").input("x"));
    }
}
