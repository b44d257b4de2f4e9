package dev.mnemos.poem.train;

import dev.mnemos.poem.Poem;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.action.Permutations;
import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.ask.Reply;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.pool.Ranked;
import dev.mnemos.poem.reward.Reward;
import dev.mnemos.runtime.model.ModelException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * POEM's training: for each training query (an example of the pool), choose its m nearest other
 * examples, try T distinct orders of them (all when m! &lt;= T), ask the model, score each answer
 * and write (query embedding, order, reward) to the estimator.
 *
 * <p>Queries run concurrently, up to a limit. A query's episodes are written together when all of
 * its answers are in, and the query is then logged as finished, so a checkpoint holds whole
 * queries only and a resumed run skips exactly the finished ones. The orders tried on a query
 * depend only on the seed and the query, so a resumed run tries the same ones.
 */
public final class Trainer {

    private final Poem poem;
    private final Asker asker;
    private final Reward reward;
    private final int orders;
    private final int concurrency;
    private final long seed;
    private final TrainingLog log;
    private final TrainingListener listener;
    private final Saver checkpoint;
    private final long checkpointNanos;
    private final Object commit = new Object();
    private long lastCheckpoint = System.nanoTime();

    private Trainer(Builder b) {
        this.poem = Objects.requireNonNull(b.poem, "poem");
        this.asker = Objects.requireNonNull(b.asker, "asker");
        this.reward = Objects.requireNonNull(b.reward, "reward");
        this.orders = b.orders;
        this.concurrency = b.concurrency;
        this.seed = b.seed;
        this.log = b.log != null ? b.log : new TrainingLog();
        this.listener = b.listener;
        this.checkpoint = b.checkpoint;
        this.checkpointNanos = b.checkpointEvery.toNanos();
    }

    public static Builder builder() {
        return new Builder();
    }

    public TrainingLog log() {
        return log;
    }

    /** Trains on every example of the pool as a query. */
    public TrainingResult train() throws ModelException, IOException, InterruptedException {
        return train(poem.pool().examples());
    }

    /**
     * Trains on these queries; each must be in the pool (it is left out of its own examples).
     * On a model failure, saves what is finished and rethrows. Interrupted, it saves what is
     * finished and throws {@link InterruptedException}; the unfinished queries are trained by a
     * later call with the same log.
     */
    public TrainingResult train(List<Example> queries) throws ModelException, IOException, InterruptedException {
        ExamplePool pool = poem.pool();
        List<Example> todo = new ArrayList<>();
        for (Example q : queries) {
            if (pool.indexOf(q.input()) < 0) throw new IllegalArgumentException("training query is not in the pool: " + q.input());
            if (!log.isFinished(q.input())) todo.add(q);
        }
        int total = queries.size();
        AtomicInteger done = new AtomicInteger(total - todo.size());
        AtomicLong calls = new AtomicLong();
        DoubleAdder rewardSum = new DoubleAdder();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, todo.size())), daemon());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Example q : todo) {
                futures.add(workers.submit(() -> {
                    if (!trainOne(q, calls, rewardSum)) return null;
                    listener.onQueryFinished(done.incrementAndGet(), total, calls.get());
                    maybeCheckpoint();
                    return null;
                }));
            }
            for (Future<?> f : futures) await(f, workers);
        } finally {
            workers.shutdownNow();
            checkpointNow();
        }
        return new TrainingResult(total, total - todo.size(), todo.size(), calls.get(),
                calls.get() == 0 ? 0 : rewardSum.sum() / calls.get());
    }

    /** Saves now (e.g. on Ctrl-C): only whole queries are in the memory and the log. */
    public void checkpointNow() throws IOException {
        synchronized (commit) {
            checkpoint.save();
            lastCheckpoint = System.nanoTime();
        }
    }

    /** Asks every order for {@code query} and writes the rewards; false if stopped before it finished. */
    private boolean trainOne(Example query, AtomicLong calls, DoubleAdder rewardSum) throws ModelException {
        ExamplePool pool = poem.pool();
        int index = pool.indexOf(query.input());
        float[] state = pool.embedding(index);
        Ranked ranked = pool.nearestExcept(state, poem.m(), index);
        List<Permutation> actions = Permutations.distinct(poem.m(), orders, new Random(seed * 31 + query.input().hashCode()));
        double[] rewards = new double[actions.size()];
        for (int i = 0; i < actions.size(); i++) {
            if (Thread.currentThread().isInterrupted()) return false; // the query stays unfinished, for a resume
            Reply reply = asker.ask(query.input(), actions.get(i).apply(ranked.byRank()));
            calls.incrementAndGet();
            rewards[i] = reward.score(reply, query.output());
            rewardSum.add(rewards[i]);
        }
        synchronized (commit) {
            for (int i = 0; i < actions.size(); i++) poem.estimator().write(state, actions.get(i), rewards[i]);
            log.finish(query.input(), actions, rewards);
        }
        return true;
    }

    private void maybeCheckpoint() throws IOException {
        if (System.nanoTime() - lastCheckpoint < checkpointNanos) return;
        checkpointNow();
    }

    private static void await(Future<?> f, ExecutorService workers) throws ModelException, IOException, InterruptedException {
        try {
            f.get();
        } catch (ExecutionException e) {
            workers.shutdownNow();
            Throwable cause = e.getCause();
            if (cause instanceof ModelException me) throw me;
            if (cause instanceof IOException io) throw io;
            if (cause instanceof UncheckedIOException uio) throw uio.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException(cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "poem-train-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public static final class Builder {
        private Poem poem;
        private Asker asker;
        private Reward reward;
        private int orders = 8;
        private int concurrency = 4;
        private long seed = 1;
        private TrainingLog log;
        private TrainingListener listener = TrainingListener.NONE;
        private Saver checkpoint = Saver.NONE;
        private Duration checkpointEvery = Duration.ofSeconds(10);

        private Builder() {}

        public Builder poem(Poem poem) { this.poem = poem; return this; }

        public Builder asker(Asker asker) { this.asker = asker; return this; }

        public Builder reward(Reward reward) { this.reward = reward; return this; }

        /** T, orders tried per training query; default 8. */
        public Builder orders(int t) {
            if (t < 1) throw new IllegalArgumentException("T must be at least 1, got " + t);
            this.orders = t;
            return this;
        }

        /** Queries in flight at once; default 4. */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
            this.concurrency = concurrency;
            return this;
        }

        public Builder seed(long seed) { this.seed = seed; return this; }

        /** The log to continue; default a new one. */
        public Builder log(TrainingLog log) { this.log = log; return this; }

        public Builder listener(TrainingListener listener) { this.listener = Objects.requireNonNull(listener); return this; }

        /** Called at most every {@code every} while training, and at the end. */
        public Builder checkpoint(Saver checkpoint, Duration every) {
            this.checkpoint = Objects.requireNonNull(checkpoint);
            this.checkpointEvery = every;
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
