package dev.mnemos.cli.poem;
import dev.mnemos.cli.ExitCode;

import dev.mnemos.cli.Cli;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.Selection;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.StoreOptions;
import dev.mnemos.poem.data.Example;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code poem select}: the examples and order POEM chooses for one query. */
@Command(name = "select", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = {
                "Shows the m examples POEM puts before a query, in the order it learned for queries like it. No model is called.",
                "",
                "  poem select --memory reviews.poem --query \"The room was freezing.\"",
                "  poem select --memory reviews.poem --query \"The room was freezing.\" --format prompt",
                "  poem select --memory 'jdbc:postgresql://db.internal/poem' --db-user poem --query \"The room was freezing.\""})
final class SelectCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin ReadOptions options;
    @Mixin DatabaseOptions database;

    @Option(names = "--memory", required = true, paramLabel = "FILE|URL",
            description = "A memory made by poem train: a file, or jdbc:postgresql://HOST/DB.")
    String memory;

    @Option(names = "--query", required = true, paramLabel = "TEXT", description = "The query.")
    String query;

    @Option(names = "--format", paramLabel = "F",
            description = "examples (a readable list), prompt (the template's prompt), chat (the chat messages as JSON) or json. Default: ${DEFAULT-VALUE}.")
    String format = "examples";

    @Override
    public Integer call() throws Exception {
        return select();
    }

    private int select() throws Exception {
        if (query.isBlank()) throw new Cli.Failure(ExitCode.USAGE, "--query is empty: give the text to choose examples for");
        java.io.PrintWriter err = spec.commandLine().getErr();
        try (MemoryStore store = database.open(memory, StoreOptions.builder().k(options.k).weighting(options.weighting), err)) {
            Setup.checkM(store, options.m);
            Encoder encoder = Setup.encoder(memory, err);
            Poem poem = store.poem(encoder);
            Setup.saveCache(memory, encoder);
            print(poem, poem.select(query));
        }
        return 0;
    }

    private void print(Poem poem, Selection s) throws Exception {
        List<Example> ordered = s.ordered();
        switch (format) {
            case "examples" -> {
                spec.commandLine().getOut().println("order " + s.action() + " (" + s.basis().description() + ")");
                int[] ranks = s.action().ranks();
                for (int i = 0; i < ordered.size(); i++) {
                    Example e = ordered.get(i);
                    spec.commandLine().getOut().printf("%d. [rank %d, similarity %.3f] %s -> %s%n", i + 1, ranks[i],
                            s.ranked().similarities()[ranks[i] - 1], e.input(), e.output());
                }
            }
            case "prompt" -> spec.commandLine().getOut().println(poem.task().render(query, ordered));
            case "chat" -> spec.commandLine().getOut().println(chatJson(poem.task().messages(query, ordered)));
            case "json" -> spec.commandLine().getOut().println(selectionJson(s));
            default -> throw new Cli.Failure(ExitCode.USAGE, "--format must be examples, prompt, chat or json, not '" + format + "'");
        }
    }

    private static String chatJson(List<ChatMessage> messages) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode list = json.createArrayNode();
        for (ChatMessage m : messages) {
            String role, text;
            if (m instanceof SystemMessage sm) { role = "system"; text = sm.text(); }
            else if (m instanceof UserMessage um) { role = "user"; text = um.singleText(); }
            else if (m instanceof AiMessage am) { role = "assistant"; text = am.text(); }
            else continue;
            list.addObject().put("role", role).put("content", text);
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(list);
    }

    private static String selectionJson(Selection s) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("query", s.query()).put("order", s.action().toString()).put("learned", s.learned());
        ArrayNode examples = root.putArray("examples");
        int[] ranks = s.action().ranks();
        List<Example> ordered = s.ordered();
        for (int i = 0; i < ordered.size(); i++) {
            examples.addObject().put("rank", ranks[i]).put("similarity", s.ranked().similarities()[ranks[i] - 1])
                    .put("input", ordered.get(i).input()).put("output", ordered.get(i).output());
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
