package dev.mnemos.poem.spring.ai;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.mnemos.poem.Selection;
import dev.mnemos.poem.prompt.Task;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** POEM's examples as Spring AI messages, and where they go in a request. */
final class ExampleMessages {

    private static final Map<String, Object> MARK = Map.of(PoemAdvisor.EXAMPLE, true);

    private ExampleMessages() {}

    /**
     * The selected examples in their order, each a user message (the task's user template) and an
     * assistant message (its output), as the task writes them for LangChain4j; marked as examples.
     */
    static List<Message> of(Selection selection, Task task) {
        List<Message> out = new ArrayList<>(selection.ranked().byRank().size() * 2);
        for (ChatMessage m : task.exampleMessages(selection.ordered())) {
            if (m instanceof dev.langchain4j.data.message.UserMessage user) {
                out.add(UserMessage.builder().text(user.singleText()).metadata(MARK).build());
            } else {
                out.add(AssistantMessage.builder().content(((AiMessage) m).text()).properties(MARK).build());
            }
        }
        return out;
    }

    /**
     * The messages with the examples right after the leading system messages (at the start when
     * there is none); example messages already there (an earlier round of a tool-calling loop) are
     * taken out first.
     */
    static List<Message> insert(List<Message> messages, List<Message> examples) {
        List<Message> rest = new ArrayList<>(messages.size());
        for (Message m : messages) {
            if (!isExample(m)) rest.add(m);
        }
        int at = 0;
        while (at < rest.size() && rest.get(at) instanceof SystemMessage) at++;
        List<Message> out = new ArrayList<>(rest.size() + examples.size());
        out.addAll(rest.subList(0, at));
        out.addAll(examples);
        out.addAll(rest.subList(at, rest.size()));
        return out;
    }

    /** The text of the last user message that is not an example. */
    static String lastUserText(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m instanceof UserMessage && !isExample(m) && m.getText() != null && !m.getText().isBlank()) return m.getText();
        }
        throw new IllegalArgumentException("the request has no user message with text to choose POEM's examples for");
    }

    static boolean isExample(Message m) {
        return Boolean.TRUE.equals(m.getMetadata().get(PoemAdvisor.EXAMPLE));
    }
}
