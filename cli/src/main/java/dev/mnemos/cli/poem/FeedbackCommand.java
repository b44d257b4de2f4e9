package dev.mnemos.cli.poem;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.data.FeedbackLog;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.mnemos.embed.Encoder;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code poem feedback}: records that an order used for a query earned a reward, in a trained memory. */
@Command(name = "feedback", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = {
                "Records that the examples put before a query in an order earned a reward (online learning from production), in a memory made by poem train: a file or a jdbc:postgresql: database. No model is called.",
                "",
                "ORDER is written as poem select prints it: the ranks of the m examples in the order they were shown, e.g. [3,1,4,2] (rank 1 is the example most similar to the query; quote it in a shell, or leave the brackets out). A (query, order) already stored keeps the larger of its rewards.",
                "",
                "With --from, every line of a JSON Lines log is one episode: {\"query\": \"...\", \"order\": \"[3,1,4,2]\", \"reward\": 1} (the order may also be a JSON array). The whole log is checked first: a bad line is an error naming FILE:LINE, and nothing is written.",
                "",
                "A file is saved whole through a temporary file and a rename, under its lock; into a database the episodes are committed before the command ends.",
                "",
                "  poem feedback --memory reviews.poem --query \"The room was freezing.\" --order '[4,2,3,1]' --reward 1",
                "  poem feedback --memory reviews.poem --from feedback.jsonl",
                "  poem feedback --memory 'jdbc:postgresql://db.internal/poem' --db-user poem --from feedback.jsonl"})
final class FeedbackCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(names = "--memory", required = true, paramLabel = "FILE|URL",
            description = "A memory made by poem train: a file, or jdbc:postgresql://HOST/DB.")
    String memory;

    @Option(names = "--query", paramLabel = "TEXT", description = "The query that was answered.")
    String query;

    @Option(names = "--order", paramLabel = "ORDER", description = "The order its examples were shown in, as poem select prints it: [3,1,4,2].")
    String order;

    @Option(names = "--reward", paramLabel = "R", description = "The reward the answer earned (a finite number, e.g. 1 right, 0 wrong).")
    Double reward;

    @Option(names = "--from", paramLabel = "FILE.jsonl",
            description = "Many episodes, one JSON object a line: {\"query\": ..., \"order\": ..., \"reward\": ...}. Instead of --query, --order and --reward.")
    Path from;

    /** Distinct queries embedded at a time; a log with more gets a progress line on stderr per chunk (at most about ten). */
    static final int EMBED_CHUNK = 256;

    /** How many episodes went in, and how many of them met a larger reward already stored for their (query, order). */
    private record Written(int episodes, int keptLarger) {}

    @Override
    public Integer call() throws Exception {
        List<FeedbackLog.Entry> entries = entries();
        PrintWriter err = spec.commandLine().getErr();
        Written written;
        String where;
        try (MemoryStore store = database.open(memory, StoreOptions.builder().lock(true).writer("poem feedback"), err)) {
            Encoder encoder = Setup.encoder(memory, err);
            Poem poem = store.poem(encoder);
            Setup.saveCache(memory, encoder);
            written = write(entries, poem, store.memory(), store.location());
            if (written.episodes() > 0) Setup.save(store); // a file is written whole; a database commits
            where = store.location();
        }
        spec.commandLine().getOut().printf("%s: %s written; %,d kept a larger reward stored earlier for the same query and order%n",
                where, Cli.count(written.episodes(), "episode"), written.keptLarger());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The episodes to write, from the options or the whole log, checked before the memory is opened. */
    private List<FeedbackLog.Entry> entries() throws java.io.IOException {
        boolean single = query != null || order != null || reward != null;
        if (from != null) {
            if (single) throw new Cli.Failure(ExitCode.USAGE, "give either --from FILE or --query, --order and --reward, not both");
            if (!Files.isRegularFile(from)) throw new DataException(from + ": no such feedback file");
            return FeedbackLog.read(from);
        }
        List<String> missing = new ArrayList<>();
        if (query == null) missing.add("--query");
        if (order == null) missing.add("--order");
        if (reward == null) missing.add("--reward");
        if (!missing.isEmpty()) {
            throw new Cli.Failure(ExitCode.USAGE, "missing " + String.join(", ", missing)
                    + ": give --query, --order and --reward for one episode, or --from FILE.jsonl for many");
        }
        if (query.isBlank()) throw new Cli.Failure(ExitCode.USAGE, "--query is empty");
        if (!Double.isFinite(reward)) throw new Cli.Failure(ExitCode.USAGE, "--reward must be a finite number, got " + reward);
        Permutation action;
        try {
            action = Permutation.parse(order);
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.USAGE, "--order '" + order + "' is not an order of ranks 1..m, each once,"
                    + " written as poem select prints it: [3,1,4,2]");
        }
        return List.of(new FeedbackLog.Entry("--order", query, action, reward));
    }

    /**
     * Checks every order against the memory's m, then writes each episode through {@link Poem#feedback}
     * (counting those whose (query, order) {@code seen} already holds with a larger reward);
     * the queries are embedded in batches first (the encoder caches them for it).
     */
    private Written write(List<FeedbackLog.Entry> entries, Poem poem, EpisodicMemory seen, String where) {
        for (FeedbackLog.Entry e : entries) {
            if (e.order().size() != poem.m()) {
                String which = e.where().equals("--order") ? "--order " : e.where() + ": order ";
                throw new DataException(which + e.order() + " has " + e.order().size() + " ranks; " + where
                        + " was trained with m = " + poem.m() + " (e.g. " + Permutation.identity(poem.m()) + ")");
            }
        }
        embed(entries, poem.encoder());
        int keptLarger = 0;
        for (FeedbackLog.Entry e : entries) {
            double before = seen.reward(poem.encoder().encode(e.query()), e.order()).orElse(Double.NEGATIVE_INFINITY);
            if (before > e.reward()) keptLarger++;
            poem.feedback(e.query(), e.order(), e.reward());
        }
        return new Written(entries.size(), keptLarger);
    }

    /** Embeds the distinct queries in chunks, saying how far it got on stderr when there is more than one chunk. */
    private void embed(List<FeedbackLog.Entry> entries, Encoder encoder) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(entries.stream().map(FeedbackLog.Entry::query).toList()));
        int chunk = Math.max(EMBED_CHUNK, (distinct.size() + 9) / 10);
        PrintWriter err = spec.commandLine().getErr();
        for (int from = 0; from < distinct.size(); from += chunk) {
            int to = Math.min(distinct.size(), from + chunk);
            encoder.encodeAll(distinct.subList(from, to));
            if (distinct.size() > chunk) {
                err.printf(Locale.ROOT, "embedded %,d of %,d queries%n", to, distinct.size());
                err.flush();
            }
        }
    }
}
