package dev.mnemos.cli.poem;

import dev.mnemos.poem.store.MemorySettings;import dev.mnemos.cli.ExitCode;

import dev.mnemos.cli.Cli;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.data.Dataset;
import dev.mnemos.embed.EmbeddingCache;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.postgres.PostgresMemory;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.reward.Reward;
import dev.mnemos.poem.store.MemoryLock;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.train.Trainer;
import dev.mnemos.poem.train.TrainingLog;
import dev.mnemos.poem.train.TrainingResult;
import dev.mnemos.cli.BackendOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code poem train}: fills (or continues) a memory from the training split. */
@Command(name = "train", mixinStandardHelpOptions = true,
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

    Path memoryFile;

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
        try (dev.mnemos.cli.Signals.Registration stop = dev.mnemos.cli.Signals.whileRunning(this::stop)) {
            if (DatabaseOptions.isDatabase(memory)) return trainShared();
            memoryFile = Path.of(memory);
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

    /** Runs the trainer on this thread, which a signal interrupts; an interruption is exit 130 saying where the memory stands. */
    private TrainingResult trainStoppably(Trainer trainer, java.util.function.Supplier<String> whereItStands) throws Exception {
        training = Thread.currentThread();
        try {
            stopIfAsked();
            return trainer.train();
        } catch (InterruptedException e) {
            throw new Cli.Failure(ExitCode.INTERRUPTED, "interrupted; " + whereItStands.get() + "; run the same command to continue");
        } finally {
            training = null;
            Thread.interrupted(); // a signal after the trainer returned must not fail what follows
        }
    }


    /**
     * Trains into a PostgreSQL memory: episodes and finished queries are committed every
     * --checkpoint-seconds (at most 1 s) and at the end, and other processes may train into it at
     * the same time. Run the same command again to continue; finished queries are skipped. The
     * task and pool are stored with the memory (select and copy use them), and the run ends by
     * tuning the read on the episodes the database holds, stored there for every process.
     */
    private int trainShared() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Task given = data.task();
        Dataset dataset = data.read(given, err);
        Task task = given != null ? given : Task.simple(dataset.labels());
        Encoder encoder = Encoder.builder().miniLm().onNote(err::println).build();
        stopIfAsked();
        ExamplePool pool = ExamplePool.of(dataset.train(), encoder);
        stopIfAsked();
        int m = options.m != null ? options.m : 4;
        if (pool.size() <= m) {
            throw new DataException(data.data + ": the pool has " + pool.size() + " training examples; with m = " + m
                    + " it needs at least " + (m + 1) + " (a query is never its own example)");
        }
        MemorySettings wanted = new MemorySettings(m, Tuning.given(ReadSettings.DEFAULT, options), false, orDefault(options.capacity, 100_000),
                encoder.id(), pool.dimension(), Permutation.identity(m));
        try (PostgresMemory shared = database.open(memory, wanted, "poem train")) {
            shared.describe(task, dataset.train()); // refuses a memory trained on another pool
            Poem poem = Poem.builder().pool(pool).encoder(encoder).estimator(shared).task(task).m(m)
                    .fallback(shared.settings().fallback()).build();
            Reward r = Setup.reward(reward, task);
            AnswerWatch asker = new AnswerWatch(Setup.asker(backend, task, r), task.labels());
            sameModel(shared.log(), PostgresMemory.redacted(memory), err);
            ProgressBar bar = new ProgressBar(err, 0, ProgressBar.onTerminal());
            long every = (long) (Math.min(checkpointSeconds, 1) * 1000);
            TrainingResult result;
            try {
                Trainer trainer = Trainer.builder().poem(poem).asker(asker).reward(r)
                        .orders(orDefault(options.orders, 8)).concurrency(concurrency).seed(data.seed).log(shared.log())
                        .listener(bar).checkpoint(shared::flush, Duration.ofMillis(every)).build();
                result = trainStoppably(trainer, () -> PostgresMemory.redacted(memory) + " holds "
                        + shared.log().finished().size() + " finished queries");
            } finally {
                bar.finish();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "trained %,d queries (%,d finished before), %,d model calls, mean reward %.3f%n",
                    result.trained(), result.skipped(), result.modelCalls(), result.meanReward());
            String verdict = asker.verdict();
            if (verdict != null) err.println(verdict);
            err.flush();
            shared.flush();
            shared.refresh(); // tuned on every process's episodes committed so far
            MemorySettings tuned = Tuning.tune(shared.local(), shared.settings(), options, out);
            shared.storeRead(tuned.read(), tuned.tuned());
            out.println(PostgresMemory.redacted(memory) + ": read " + tuned.read() + (tuned.tuned() ? " (tuned)" : ""));
            out.flush();
        }
        return 0;
    }

    private int train() throws Exception {
        try (MemoryLock lock = Setup.lock(memoryFile, "poem train")) {
            return trainLocked();
        }
    }

    private int trainLocked() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Task task = data.task();
        Dataset dataset = data.read(task, err);
        if (task == null) task = Task.simple(dataset.labels());
        Encoder encoder = Setup.encoder(memoryFile, err);
        stopIfAsked();

        MemorySettings settings;
        EpisodicMemory memory;
        TrainingLog log;
        if (Files.exists(memoryFile)) {
            PoemFile.Contents c = Setup.load(memoryFile, err);
            settings = resumed(c);
            memory = c.memory();
            log = c.log();
            if (!c.pool().equals(dataset.train())) {
                throw new DataException(memoryFile + " was trained on another pool (" + c.pool().size() + " examples, "
                        + dataset.train().size() + " now); give a new --memory file");
            }
            sameModel(log, memoryFile.toString(), err);
            err.println(String.format(Locale.ROOT, "continuing %s: %,d queries finished, %,d entries", memoryFile, log.finished().size(), memory.size()));
        } else {
            int m = options.m != null ? options.m : 4;
            settings = new MemorySettings(m, Tuning.given(ReadSettings.DEFAULT, options), false, orDefault(options.capacity, 100_000),
                    encoder.id(), 384, Permutation.identity(m));
            memory = null;
            log = new TrainingLog();
        }
        ExamplePool pool = ExamplePool.of(dataset.train(), encoder);
        stopIfAsked();
        Cli.writing(EmbeddingCache.besideMemory(memoryFile), () -> encoder.cache().save());
        if (memory == null) {
            settings = new MemorySettings(settings.m(), settings.read(), false, settings.capacity(),
                    encoder.id(), pool.dimension(), settings.fallback());
            memory = EpisodicMemory.builder().dimension(pool.dimension()).read(settings.read())
                    .capacity(settings.capacity()).build();
        }
        if (pool.size() <= settings.m()) {
            throw new DataException(data.data + ": the pool has " + pool.size() + " training examples; with m = " + settings.m()
                    + " it needs at least " + (settings.m() + 1) + " (a query is never its own example)");
        }
        Poem poem = Poem.builder().pool(pool).encoder(encoder).estimator(memory).task(task).m(settings.m())
                .fallback(settings.fallback()).build();
        Reward r = Setup.reward(reward, task);
        AnswerWatch asker = new AnswerWatch(Setup.asker(backend, task, r), task.labels());
        sameModel(log, memoryFile.toString(), err);  // a new memory records its model

        PoemFile.Contents contents = new PoemFile.Contents(settings, task, dataset.train(), memory, log);
        ProgressBar bar = new ProgressBar(err, log.finished().size(), ProgressBar.onTerminal());
        Trainer trainer = Trainer.builder().poem(poem).asker(asker).reward(r)
                .orders(orDefault(options.orders, 8)).concurrency(concurrency).seed(data.seed).log(log)
                .listener(bar)
                .checkpoint(() -> Cli.writing(memoryFile, () -> PoemFile.save(memoryFile, contents)), Duration.ofMillis((long) (checkpointSeconds * 1000)))
                .build();
        Thread onInterrupt = new Thread(() -> {
            try {
                trainer.checkpointNow();
                err.println();
                err.println("poem train: interrupted; " + memoryFile + " holds " + log.finished().size()
                        + " finished queries; run the same command to continue");
            } catch (Exception e) {
                err.println("poem train: interrupted, and saving failed: " + e.getMessage());
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        TrainingResult result;
        try {
            result = trainStoppably(trainer, () -> memoryFile + " holds " + log.finished().size() + " finished queries");
        } finally {
            bar.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it saves
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "trained %,d queries (%,d finished before), %,d model calls, mean reward %.3f%n",
                result.trained(), result.skipped(), result.modelCalls(), result.meanReward());
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %,d entries on %,d queries; best fixed order in training: %s%n",
                memoryFile, memory.size(), memory.states(), log.bestFixedOrder().map(Object::toString).orElse("-"));
        String verdict = asker.verdict();
        if (verdict != null) err.println(verdict);
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        MemorySettings tuned = Tuning.tune(memory, settings, options, out);
        PoemFile.Contents saved = new PoemFile.Contents(tuned, task, dataset.train(), memory, log);
        Cli.writing(memoryFile, () -> PoemFile.save(memoryFile, saved));
        out.println(memoryFile + ": read " + tuned.read() + (tuned.tuned() ? " (tuned)" : ""));
        out.flush();
        return 0;
    }

    private MemorySettings resumed(PoemFile.Contents c) {
        MemorySettings s = c.settings();
        if (!s.encoder().equals("all-minilm-l6-v2")) {
            throw new DataException(memoryFile + " was trained with the encoder " + s.encoder() + "; this command uses all-minilm-l6-v2");
        }
        if (options.m != null && options.m != s.m()) {
            throw new DataException(memoryFile + " was trained with m = " + s.m() + "; --m " + options.m + " differs (give a new --memory file)");
        }
        if (s.dimension() != 384) { // all-MiniLM-L6-v2's; a state of another length cannot be compared with its embeddings
            throw new DataException(memoryFile + ": damaged POEM memory file (its states have " + s.dimension()
                    + " dimensions; all-minilm-l6-v2 gives 384)");
        }
        if (options.capacity != null && options.capacity != s.capacity()) {
            throw new Cli.Failure(ExitCode.USAGE, "--capacity is fixed when a memory is created; " + memoryFile + " has L = " + s.capacity()
                    + " (--k and --weighting may change: the read is chosen again at the end)");
        }
        return s;
    }

    /**
     * Refuses (exit 3) to train on a memory whose rewards were earned by another model or style,
     * unless --other-model says so; records this run's model in the log either way.
     */
    private void sameModel(dev.mnemos.poem.train.TrainingLog log, String where, PrintWriter err) {
        if (backend.model == null) return; // the asker refuses the run (usage)
        String now = modelOf(backend.toConfig());
        String before = log.model().orElse(null);
        if (before != null && !before.equals(now)) {
            if (!otherModel) {
                throw new DataException(where + " was trained with " + before + "; this run uses " + now
                        + " (their rewards would mix in one memory): give --other-model to train on with it, or a new --memory");
            }
            err.println("note: " + where + " was trained with " + before + "; training on with " + now + " (--other-model)");
        } else if (before != null) {
            return;
        }
        log.model(now);
    }

    /** How a memory records whose answers earned its rewards, e.g. {@code ollama llama3.2, chat style}. */
    static String modelOf(dev.mnemos.runtime.model.ProcessorConfig config) {
        return config.backend() + " " + config.model() + ", " + config.style().name().toLowerCase(Locale.ROOT) + " style";
    }

    private static int orDefault(Integer v, int d) {
        return v != null ? v : d;
    }
}
