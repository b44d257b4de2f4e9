package dev.mnemos.poem.prompt;

import dev.mnemos.runtime.json.JsonErrors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.data.Example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a task is put to the model: an instruction, how each example and the query are written, and
 * (for classification) the labels. Renders a prompt from a template, or LangChain4j chat messages
 * with the examples as user/assistant turns.
 *
 * <p>Templates use {@code {input}} and {@code {output}}; substitution is one pass over the
 * template, so braces inside the texts themselves are left alone.
 *
 * @param instruction text before the examples (the system message in chat form); may be empty
 * @param example     how one example is written, e.g. {@code "Text: {input}\nTopic: {output}"}
 * @param query       how the query is written, e.g. {@code "Text: {input}\nTopic:"}
 * @param separator   between blocks of the prompt, e.g. a blank line
 * @param user        a user turn in chat form, e.g. {@code "{input}"}
 * @param labels      the answers a classification task allows; empty for free generation
 */
public record Task(String instruction, String example, String query, String separator, String user, List<String> labels) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Task {
        labels = List.copyOf(labels);
    }

    /** A plain input/output task with these labels. */
    public static Task simple(List<String> labels) {
        return new Task("", "Input: {input}\nOutput: {output}", "Input: {input}\nOutput:", "\n\n", "{input}", labels);
    }

    /** Reads a task file (JSON); missing fields take {@link #simple}'s values. */
    public static Task read(Path file) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DataException(JsonErrors.message(file, e));
        }
        if (node == null || !node.isObject()) throw new DataException(file + ": expected a JSON object");
        Task d = simple(List.of());
        List<String> labels = new ArrayList<>();
        JsonNode l = node.path("labels");
        if (!l.isMissingNode() && !l.isArray()) throw new DataException(file + ": \"labels\" must be a list of strings");
        l.forEach(x -> labels.add(x.asText()));
        Task task = new Task(field(node, "instruction", d.instruction()), field(node, "example", d.example()),
                field(node, "query", d.query()), field(node, "separator", d.separator()),
                field(node, "user", d.user()), labels);
        if (!task.example().contains("{input}") || !task.example().contains("{output}")) {
            throw new DataException(file + ": \"example\" must contain {input} and {output}");
        }
        if (!task.query().contains("{input}")) throw new DataException(file + ": \"query\" must contain {input}");
        if (!task.user().contains("{input}")) throw new DataException(file + ": \"user\" must contain {input}");
        return task;
    }

    private static String field(JsonNode node, String name, String fallback) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    /** The whole prompt: instruction, the examples in this order, the query. */
    public String render(String queryInput, List<Example> examples) {
        StringBuilder out = new StringBuilder();
        if (!instruction.isEmpty()) out.append(instruction).append(separator);
        for (Example e : examples) {
            fill(out, example, e.input(), e.output());
            out.append(separator);
        }
        fill(out, query, queryInput, "");
        return out.toString();
    }

    /** Chat messages: the instruction as system message, each example a user/assistant pair, the query last. */
    public List<ChatMessage> messages(String queryInput, List<Example> examples) {
        List<ChatMessage> messages = new ArrayList<>(examples.size() * 2 + 2);
        if (!instruction.isEmpty()) messages.add(SystemMessage.from(instruction));
        messages.addAll(exampleMessages(examples));
        messages.add(UserMessage.from(fill(new StringBuilder(), user, queryInput, "").toString()));
        return messages;
    }

    /** The examples alone, in this order, each a user turn (the {@code user} template) and an assistant turn (its output). */
    public List<ChatMessage> exampleMessages(List<Example> examples) {
        List<ChatMessage> messages = new ArrayList<>(examples.size() * 2);
        for (Example e : examples) {
            messages.add(UserMessage.from(fill(new StringBuilder(), user, e.input(), e.output()).toString()));
            messages.add(AiMessage.from(e.output()));
        }
        return messages;
    }

    private static StringBuilder fill(StringBuilder out, String template, String input, String output) {
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{input}", i)) {
                out.append(input);
                i += 7;
            } else if (template.startsWith("{output}", i)) {
                out.append(output);
                i += 8;
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out;
    }
}
