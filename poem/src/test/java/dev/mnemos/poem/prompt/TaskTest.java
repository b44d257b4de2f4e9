package dev.mnemos.poem.prompt;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.mnemos.poem.data.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TaskTest {

    final Task task = new Task("Say positive or negative.", "Review: {input}\nSentiment: {output}", "Review: {input}\nSentiment:",
            "\n\n", "Review: {input}", List.of("positive", "negative"));
    final List<Example> examples = List.of(new Example("Great food.", "positive"), new Example("Cold {output} soup.", "negative"));

    @Test
    void rendersThePromptFromTheTemplateInTheGivenOrder() {
        assertEquals("""
                Say positive or negative.

                Review: Great food.
                Sentiment: positive

                Review: Cold {output} soup.
                Sentiment: negative

                Review: Rude staff.
                Sentiment:""", task.render("Rude staff.", examples));
    }

    @Test
    void rendersChatMessagesWithExamplesAsUserAndAssistantTurns() {
        List<ChatMessage> messages = task.messages("Rude staff.", examples);
        assertEquals(List.of(SystemMessage.from("Say positive or negative."),
                UserMessage.from("Review: Great food."), AiMessage.from("positive"),
                UserMessage.from("Review: Cold {output} soup."), AiMessage.from("negative"),
                UserMessage.from("Review: Rude staff.")), messages);
    }

    @Test
    void aTaskFileWhoseUserTurnLeavesOutTheInputIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("reviews.task.json");
        java.nio.file.Files.writeString(file, "{\"example\": \"Review: {input}\\nSentiment: {output}\", \"query\": \"Review: {input}\\nSentiment:\","
                + " \"user\": \"Review:\", \"labels\": [\"positive\", \"negative\"]}");
        var e = assertThrows(dev.mnemos.poem.data.DataException.class, () -> Task.read(file));
        assertEquals(file + ": \"user\" must contain {input}", e.getMessage());
    }
}
