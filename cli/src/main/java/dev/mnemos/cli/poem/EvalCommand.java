package dev.mnemos.cli.poem;
import dev.mnemos.cli.ExitCode;

import dev.mnemos.cli.Cli;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.data.Dataset;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.StoreOptions;
import java.util.List;
import dev.mnemos.poem.eval.EvalReport;
import dev.mnemos.poem.eval.Evaluator;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.reward.ExactMatch;
import dev.mnemos.poem.reward.Reward;
import dev.mnemos.poem.reward.TokenF1;
import dev.mnemos.cli.BackendOptions;
import dev.mnemos.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code poem eval}: POEM against the baselines on the held-out split. */
@Command(name = "eval", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = {
                "Scores POEM's chosen order against random order, most similar first, most similar last and the best single order found in training, on the test split. Every method gets the same m examples per query; only their order differs.",
                "",
                "Prints the mean score (accuracy) with a 95%% interval per method, and how many answers named no allowed label (they score 0).",
                "",
                "  poem eval --data samples/poem/reviews.jsonl --model llama3.2 --memory reviews.poem --json report.json"})
final class EvalCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin DataOptions data;
    @Mixin BackendOptions backend;
    @Mixin ReadOptions options;

    @Mixin DatabaseOptions database;

    @Option(names = "--memory", required = true, paramLabel = "FILE|URL",
            description = "A memory made by poem train: a file, or jdbc:postgresql://HOST/DB.")
    String memory;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE ('-' for standard output instead of the table).")
    String json;

    @Option(names = "--metric", paramLabel = "NAME", description = "exact (accuracy) or f1 (word overlap). Default: ${DEFAULT-VALUE}.")
    String metric = "exact";

    @Option(names = "--concurrency", paramLabel = "N", description = "Queries asked at once. Default: ${DEFAULT-VALUE}.")
    int concurrency = 4;

    @Option(names = "--other-model",
            description = "Evaluate a memory trained with another model or style (its orders were chosen for that model's answers). Without it such a run is refused.")
    boolean otherModel;

    @Override
    public Integer call() throws Exception {
        return eval();
    }

    private int eval() throws Exception {
        if (json != null && !"-".equals(json)) Cli.checkWritable(Path.of(json)); // before the first model call
        PrintWriter err = spec.commandLine().getErr();
        Task given = data.task();
        try (MemoryStore store = database.open(memory, StoreOptions.builder().k(options.k).weighting(options.weighting), err)) {
            Setup.checkM(store, options.m);
            if (backend.model != null) { // without one the asker refuses the run (usage)
                Setup.sameModel(store.log(), store.location(), backend, otherModel, "its orders were chosen for that model's answers",
                        "evaluate with it anyway, or the model it was trained with", "evaluating", err);
            }
            Encoder encoder = Setup.encoder(memory, err);
            Poem poem = store.poem(encoder, given);
            Setup.saveCache(memory, encoder);
            return eval(store, poem, err);
        }
    }

    private int eval(MemoryStore store, Poem poem, PrintWriter err) throws Exception {
        Task task = poem.task();
        Dataset dataset = data.read(task.labels().isEmpty() ? null : task, err);
        if (dataset.test().isEmpty()) throw new dev.mnemos.poem.data.DataException(data.data + ": no test examples to evaluate on");
        List<dev.mnemos.poem.data.Example> pool = store.pool().orElseThrow();
        if (!dataset.train().equals(pool)) { // its test split is then not held out from this memory
            throw new dev.mnemos.poem.data.DataException(store.location() + " was trained on another pool than the training split of " + data.data
                    + " (" + pool.size() + " examples, " + dataset.train().size() + " there);"
                    + " evaluate with the data (and --seed, --split-ratio, --limit) it was trained with");
        }
        Reward scoring = switch (metric) {
            case "exact" -> new ExactMatch(task.labels());
            case "f1" -> new TokenF1();
            default -> throw new Cli.Failure(ExitCode.USAGE, "--metric must be exact or f1, not '" + metric + "'");
        };
        err.println("read: " + Setup.readNote(store));
        EvalReport report = Evaluator.builder().poem(poem)
                .asker(Setup.asker(backend, task, new ExactMatch()))
                .metric(scoring).labels(task.labels())
                .bestFixed(store.log().bestFixedOrder().orElse(null))
                .concurrency(concurrency).seed(data.seed)
                .progress(new Progress(err, ProgressBar.onTerminal()))
                .build().evaluate(dataset.test());
        if ("-".equals(json)) {
            spec.commandLine().getOut().println(report.json());
        } else {
            spec.commandLine().getOut().print(report.table());
            spec.commandLine().getOut().flush();
            if (json != null) {
                Path out = Path.of(json);
                Cli.writing(out, () -> AtomicFiles.write(out, report.json().getBytes(StandardCharsets.UTF_8)));
                err.println("wrote " + out);
            }
        }
        spec.commandLine().getOut().flush(); // print() does not flush picocli's writer; the table was lost
        return 0;
    }

    /**
     * Queries scored so far, on stderr: on a terminal one line redrawn in place every 10 queries;
     * elsewhere (a log file, a pipe) a plain line each time another 10% is done. Called from the
     * evaluator's threads.
     */
    static final class Progress implements Evaluator.ProgressListener {
        private final PrintWriter err;
        private final boolean terminal;
        private int lastTenth = -1;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public synchronized void onQueryScored(int done, int total) {
            String line = String.format(java.util.Locale.ROOT, "%,d/%,d queries scored", done, total);
            if (terminal) {
                if (done == total || done % 10 == 0) err.print("\r" + line + " ");
                if (done == total) err.println();
            } else {
                int tenth = total == 0 ? 10 : (int) (10L * done / total);
                if (tenth == lastTenth && done < total) return;
                lastTenth = tenth;
                err.println(line);
            }
            err.flush();
        }
    }
}
