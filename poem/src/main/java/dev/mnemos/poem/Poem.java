package dev.mnemos.poem;

import dev.langchain4j.data.message.ChatMessage;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.memory.ActionValueEstimator;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.pool.Ranked;
import dev.mnemos.poem.prompt.Task;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * POEM at inference: for a query, the m most similar pool examples in the order the memory
 * expects to earn the most reward, rendered as a prompt or as chat messages; and online learning
 * from feedback on the answers.
 *
 * <pre>{@code
 * Poem poem = Poem.builder()
 *         .encoder(Encoder.miniLm())                  // given once: it embeds the examples and the queries
 *         .examples(examples)
 *         .task(Task.read(Path.of("samples/poem/topics.task.json")))
 *         .build();
 * List<ChatMessage> messages = poem.messages("The match went to extra time.");
 * }</pre>
 */
public final class Poem {

    private final ExamplePool pool;
    private final Encoder encoder;
    private final ActionValueEstimator estimator;
    private final Task task;
    private final int m;
    private final Permutation fallback;

    private Poem(Builder b) {
        this.encoder = Objects.requireNonNull(b.encoder, "encoder");
        if (b.pool == null && b.examples == null) throw new IllegalArgumentException("give the examples (or a pool built from them)");
        this.pool = b.pool != null ? b.pool : ExamplePool.of(b.examples, encoder);
        this.task = b.task != null ? b.task : Task.simple(List.of());
        this.m = b.m;
        this.estimator = b.estimator != null ? b.estimator
                : EpisodicMemory.builder().dimension(pool.dimension()).build();
        this.fallback = b.fallback != null ? b.fallback : Permutation.identity(m);
        if (fallback.size() != m) throw new IllegalArgumentException("default order " + fallback + " is not of m = " + m + " ranks");
        if (pool.size() < m) {
            throw new dev.mnemos.poem.data.DataException("the pool has " + pool.size() + " examples but m = " + m);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public ExamplePool pool() { return pool; }

    public Encoder encoder() { return encoder; }

    public ActionValueEstimator estimator() { return estimator; }

    public Task task() { return task; }

    public int m() { return m; }

    public Permutation fallback() { return fallback; }

    /** The m examples most similar to the query, ordered by the memory's choice. */
    public Selection select(String query) {
        float[] state = encoder.encode(query);
        return select(query, state, pool.nearest(state, m));
    }

    /**
     * The selection for a query whose embedding and examples are already known: the memory's best
     * order, or the default order when the memory knows no similar query or when every reward it
     * holds is the same (then its best is an arbitrary pick, and nothing was learned).
     */
    public Selection select(String query, float[] state, Ranked ranked) {
        Optional<Permutation> best = estimator.best(state);
        if (best.isEmpty()) return new Selection(query, state, ranked, fallback, Selection.Basis.NO_SIMILAR_QUERY);
        if (!estimator.rewardsDiffer()) return new Selection(query, state, ranked, fallback, Selection.Basis.REWARDS_ALL_EQUAL);
        return new Selection(query, state, ranked, best.get(), Selection.Basis.LEARNED);
    }

    /** The prompt for a query, from the task's template. */
    public String render(String query) {
        Selection s = select(query);
        return task.render(query, s.ordered());
    }

    /** Chat messages for a query: instruction, examples as user/assistant turns, the query. */
    public List<ChatMessage> messages(String query) {
        Selection s = select(query);
        return task.messages(query, s.ordered());
    }

    /** Online learning: the answer to a prompt built with this selection earned this reward. */
    public void feedback(Selection selection, double reward) {
        estimator.write(selection.state(), selection.action(), reward);
    }

    /** Online learning: {@code action} used on {@code query} earned this reward. */
    public void feedback(String query, Permutation action, double reward) {
        if (action.size() != m) throw new IllegalArgumentException("action " + action + " is not of m = " + m + " ranks");
        estimator.write(encoder.encode(query), action, reward);
    }

    public static final class Builder {
        private ExamplePool pool;
        private List<dev.mnemos.poem.data.Example> examples;
        private Encoder encoder;
        private ActionValueEstimator estimator;
        private Task task;
        private int m = 4;
        private Permutation fallback;

        private Builder() {}

        /** The labelled examples to choose from; embedded with the {@link #encoder}. Or give a {@link #pool}. */
        public Builder examples(List<dev.mnemos.poem.data.Example> examples) { this.examples = List.copyOf(examples); return this; }

        /** A pool already embedded (e.g. from cached embeddings), instead of {@link #examples}. */
        public Builder pool(ExamplePool pool) { this.pool = pool; return this; }

        /** Embeds the queries (and the {@link #examples}). Required. */
        public Builder encoder(Encoder encoder) { this.encoder = encoder; return this; }

        /** Default: a new {@link EpisodicMemory} with the spec's defaults. */
        public Builder estimator(ActionValueEstimator estimator) { this.estimator = estimator; return this; }

        public Builder task(Task task) { this.task = task; return this; }

        /** Shots per prompt; default 4. */
        public Builder m(int m) {
            if (m < 1 || m > Permutation.MAX_SIZE) throw new IllegalArgumentException("m must be 1.." + Permutation.MAX_SIZE + ", got " + m);
            this.m = m;
            return this;
        }

        /** The order used when the memory knows nothing; default most similar first. */
        public Builder fallback(Permutation fallback) { this.fallback = fallback; return this; }

        public Poem build() {
            return new Poem(this);
        }
    }
}
