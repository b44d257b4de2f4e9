package dev.mnemos.cli.poem;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.Signals;

import dev.mnemos.cli.Cli;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.data.Dataset;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.reward.Reward;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.StoreOptions;
import dev.mnemos.poem.train.Trainer;
import dev.mnemos.poem.train.TrainingLog;
import dev.mnemos.poem.train.TrainingResult;
import dev.mnemos.cli.BackendOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code poem train}: fills (or continues) a memory from the training split. */
@Command(name = "train", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = {
                "Trains a POEM memory. Every training example is a query: its m most similar other examples are put before it in T different orders, the model answers each prompt, the answer is scored, and (query, order, reward) goes into the memory.",
                "",
                "The memory file is saved as it grows. After an interruption (Ctrl-C, a server failure) run the same command again: it continues without asking finished queries again.",
                "",
                "With --style chat the examples are sent as user/assistant turns (LangChain4j chat messages); with --style completion the task template's prompt is sent as it is.",
                "",
                "  poem train --data samples/poem/reviews.jsonl --model llama3.2 --memory reviews.poem --style chat"})
final class TrainCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin DataOptions data;
    @Mixin BackendOptions backend;
    @Mixin MemoryOptions options;

    @Mixin DatabaseOptions database;

    @Option(names = "--memory", required = true, paramLabel = "FILE|URL",
            description = "The memory file, created or continued; or jdbc:postgresql://HOST/DB, a memory shared with other processes.")
    String memory;

    @Option(names = "--reward", paramLabel = "NAME",
            description = "exact (1 if the answer's label is right), margin (log-probability margin of the right label;"
                    + " needs --backend openai --style chat) or f1 (word overlap, for generation). Default: ${DEFAULT-VALUE}.")
    String reward = "exact";

    @Option(names = "--concurrency", paramLabel = "N", description = "Queries asked at once. Default: ${DEFAULT-VALUE}.")
    int concurrency = 4;

    @Option(names = "--other-model",
            description = "Train on a memory that was trained with another model or style (their rewards then mix in one memory). Without it such a run is refused.")
    boolean otherModel;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", description = "Save the memory at most this often while training. Default: ${DEFAULT-VALUE}.")
    double checkpointSeconds = 10;

    @Override
    public Integer call() throws Exception {
        try (Signals.Registration onSignal = Signals.whileRunning(this::stop)) {
            return train();
        }
    }

    /** Set by Ctrl-C (SIGINT) or SIGTERM: the run ends at the next point where no native work is under way. */
    private volatile boolean stopRequested;
    /** The thread in {@link Trainer#train}, interrupted to stop it; null outside training. */
    private volatile Thread training;

    /**
     * On a signal: asks the run to stop. Native work (MiniLM's ONNX session being built, the pool
     * being embedded) is never cut off: the JVM would crash if it exited meanwhile; the run stops
     * once it has returned ({@link #stopIfAsked}), or, in training, at once.
     */
    private void stop() {
        stopRequested = true;
        Thread t = training;
        if (t != null) t.interrupt();
    }

    /** Ends the run (exit 130) if a signal asked it to stop; called where no native work is under way. */
    private void stopIfAsked() {
        if (stopRequested) throw new Cli.Failure(ExitCode.INTERRUPTED, "interrupted before training began; nothing was written");
    }

    /**
     * One path for every memory, a file or a database: open it (created with the settings given when
     * it is new, else checked against them), train the queries not finished yet, saving every
     * --checkpoint-seconds (a file is rewritten, a database commits; other processes may train into
     * a database at once), then tune the read on every episode the memory holds and store it there.
     */
    private int train() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Task given = data.task();
        Dataset dataset = data.read(given, err);
        Task task = given != null ? given : Task.simple(dataset.labels());
        Encoder encoder = Setup.encoder(memory, err);
        stopIfAsked();
        MemorySettings wanted = MemorySettings.of(orDefault(options.m, 4), Tuning.given(ReadSettings.DEFAULT, options),
                orDefault(options.capacity, 100_000), encoder.id(), encoder.dimension());
        StoreOptions.Builder opening = StoreOptions.builder().create(wanted).expect(encoder.id(), encoder.dimension(), options.m)
                .lock(true).writer("poem train");
        try (MemoryStore store = database.open(memory, opening, err)) {
            return train(store, task, dataset, encoder, err);
        }
    }

    private int train(MemoryStore store, Task task, Dataset dataset, Encoder encoder, PrintWriter err) throws Exception {
        MemorySettings settings = store.settings();
        if (options.capacity != null && options.capacity != settings.capacity()) {
            throw new Cli.Failure(ExitCode.USAGE, "--capacity is fixed when a memory is created; " + store.location() + " has L = "
                    + settings.capacity() + " (--k and --weighting may change: the read is chosen again at the end)");
        }
        sameModel(store.log(), store.location(), err);
        store.describe(task, dataset.train()); // refuses a memory trained on another pool
        if (!store.isEmpty()) {
            err.println(String.format(Locale.ROOT, "continuing %s: %,d queries finished, %,d entries", store.location(),
                    store.log().finished().size(), store.memory().size()));
        }
        Reward r = Setup.reward(reward, task);
        AnswerWatch asker = new AnswerWatch(Setup.asker(backend, task, r), task.labels()); // a model refused (a bad file) has written nothing
        ExamplePool pool = ExamplePool.of(dataset.train(), encoder);
        stopIfAsked();
        if (pool.size() <= settings.m()) {
            throw new DataException(data.data + ": the pool has " + Cli.count(pool.size(), "training example") + "; with m = " + settings.m()
                    + " it needs at least " + (settings.m() + 1) + " (a query is never its own example)");
        }
        Setup.saveCache(memory, encoder); // training begins: from here its embeddings are kept
        Poem poem = Poem.builder().pool(pool).encoder(encoder).estimator(store.estimator()).task(task).m(settings.m())
                .fallback(settings.fallback()).build();
        TrainingResult result = train(store, poem, asker, r, err);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "trained %s (%,d finished before), %s, mean reward %.3f%n",
                Cli.count(result.trained(), "query", "queries"), result.skipped(), Cli.count(result.modelCalls(), "model call"), result.meanReward());
        out.printf(Locale.ROOT, "%s: %,d entries on %,d queries; best fixed order in training: %s%n", store.location(),
                store.memory().size(), store.memory().states(), store.log().bestFixedOrder().map(Object::toString).orElse("-"));
        String verdict = asker.verdict();
        if (verdict != null) err.println(verdict);
        err.flush();
        Tuning.tuneAndStore(store, options, out);
        return 0;
    }

    /**
     * Trains, saving at most every --checkpoint-seconds, at the end, on a failure and on a signal
     * (which interrupts this thread: {@link #stop}).
     */
    private TrainingResult train(MemoryStore store, Poem poem, AnswerWatch asker, Reward r, PrintWriter err) throws Exception {
        ProgressBar bar = new ProgressBar(err, store.log().finished().size(), ProgressBar.onTerminal());
        Trainer trainer = Trainer.builder().poem(poem).asker(asker).reward(r)
                .orders(orDefault(options.orders, 8)).concurrency(concurrency).seed(data.seed).log(store.log())
                .listener(bar).checkpoint(() -> Setup.save(store), Duration.ofMillis((long) (checkpointSeconds * 1000)))
                .build();
        training = Thread.currentThread();
        try {
            stopIfAsked();
            return trainer.train();
        } catch (InterruptedException e) {
            throw new Cli.Failure(ExitCode.INTERRUPTED, "interrupted; " + whereItStands(store));
        } finally {
            training = null;
            Thread.interrupted(); // a signal after the trainer returned must not fail what follows
            bar.finish();
        }
    }

    private static String whereItStands(MemoryStore store) {
        return store.location() + " holds " + Cli.count(store.log().finished().size(), "finished query", "finished queries") + "; run the same command to continue";
    }

    /**
     * Refuses (exit 3) to train on a memory whose rewards were earned by another model or style,
     * unless --other-model says so; records this run's model in the log either way.
     */
    private void sameModel(dev.mnemos.poem.train.TrainingLog log, String where, PrintWriter err) {
        if (backend.model == null) return; // the asker refuses the run (usage)
        String now = Setup.sameModel(log, where, backend, otherModel, "their rewards would mix in one memory",
                "train on with it, or a new --memory", "training on", err);
        log.model(now);
    }

    private static int orDefault(Integer v, int d) {
        return v != null ? v : d;
    }
}
