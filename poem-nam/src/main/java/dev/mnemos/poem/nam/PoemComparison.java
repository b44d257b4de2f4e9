package dev.mnemos.poem.nam;

import dev.mnemos.poem.Poem;
import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.data.Dataset;
import dev.mnemos.poem.data.Example;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.eval.EvalReport;
import dev.mnemos.poem.eval.Evaluator;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.reward.ExactMatch;
import dev.mnemos.poem.sim.SimulatedModel;
import dev.mnemos.poem.train.Trainer;
import dev.mnemos.runtime.model.ModelException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * NAM against POEM's k-NN memory in POEM's own training and evaluation: both estimators learn
 * from the same episodes (the same model calls), then poem's {@link Evaluator} scores them with
 * the baselines on the held-out split. Also records memory use as training goes on.
 */
public final class PoemComparison {

    /** Memory after training on the first {@code queries} training queries. */
    public record Growth(int queries, int episodes, int knnEntries, long knnStateBytes, long namBytes) {
    }

    /** The evaluation report (methods "k-NN" and "NAM" besides the baselines) and the growth table. */
    public record Result(EvalReport report, List<Growth> growth) {

        public String growthTable() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%8s %9s %12s %16s %10s%n",
                    "queries", "episodes", "k-NN entries", "k-NN state bytes", "NAM bytes"));
            for (Growth g : growth) {
                s.append(String.format(Locale.ROOT, "%8d %9d %12d %16d %10d%n", g.queries(), g.episodes(),
                        g.knnEntries(), g.knnStateBytes(), g.namBytes()));
            }
            return s.toString();
        }
    }

    private final Dataset data;
    private final Task task;
    private final Encoder encoder;
    private final Asker model;
    private final int m;
    private final int orders;
    private final int k;
    private final float pw;
    private final float pe;
    private final long seed;
    private final int steps;

    private PoemComparison(Builder b) {
        this.data = Objects.requireNonNull(b.data, "data");
        this.task = Objects.requireNonNull(b.task, "task");
        this.encoder = b.encoder != null ? b.encoder : Encoder.miniLm();
        this.model = b.model != null ? b.model : new SimulatedModel(0.9, 42);
        this.m = b.m;
        this.orders = b.orders;
        this.k = b.k;
        this.pw = b.pw;
        this.pe = b.pe;
        this.seed = b.seed;
        this.steps = b.steps;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Result run() throws ModelException, IOException, InterruptedException {
        ExamplePool pool = ExamplePool.of(data.train(), encoder);
        int d = pool.dimension();
        EpisodicMemory knn = EpisodicMemory.builder().dimension(d).k(k).build();
        NamEstimator nam = NamEstimator.builder().dimension(d).writing(pw, pe).build();
        Poem poem = Poem.builder().pool(pool).encoder(encoder).estimator(new BothEstimators(knn, nam))
                .task(task).m(m).build();
        Trainer trainer = Trainer.builder().poem(poem).asker(model).reward(new ExactMatch(task.labels()))
                .orders(orders).concurrency(1).seed(seed).build();
        List<Example> queries = data.train();
        List<Growth> growth = new ArrayList<>();
        int episodes = 0;
        for (int step = 1; step <= steps; step++) {
            int from = queries.size() * (step - 1) / steps;
            int to = queries.size() * step / steps;
            episodes += (int) trainer.train(queries.subList(from, to)).modelCalls();
            growth.add(new Growth(to, episodes, knn.size(), 4L * d * knn.states(), nam.bytes()));
        }
        EvalReport report = Evaluator.builder().poem(poem).asker(model).labels(task.labels())
                .learner("k-NN", knn).learner("NAM", nam)
                .bestFixed(trainer.log().bestFixedOrder(1).orElse(null))
                .concurrency(1).seed(seed).build()
                .evaluate(data.test());
        return new Result(report, growth);
    }

    public static final class Builder {
        private Dataset data;
        private Task task;
        private Encoder encoder;
        private Asker model;
        private int m = 4;
        private int orders = 8;
        private int k = 5;
        private float pw = 0.1f;
        private float pe = 0.1f;
        private long seed = 7;
        private int steps = 4;

        private Builder() {
        }

        public Builder data(Dataset data) {
            this.data = data;
            return this;
        }

        public Builder task(Task task) {
            this.task = task;
            return this;
        }

        public Builder encoder(Encoder encoder) {
            this.encoder = encoder;
            return this;
        }

        /** The model asked; default {@link SimulatedModel} with p_last = 0.9, seed 42. */
        public Builder model(Asker model) {
            this.model = model;
            return this;
        }

        public Builder m(int m) {
            this.m = m;
            return this;
        }

        /** T, orders tried per training query. */
        public Builder orders(int orders) {
            this.orders = orders;
            return this;
        }

        /** k of the k-NN memory. */
        public Builder k(int k) {
            this.k = k;
            return this;
        }

        /** NAM write and erase probabilities. */
        public Builder writing(float pw, float pe) {
            this.pw = pw;
            this.pe = pe;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Training is done in this many equal parts, memory use recorded after each. */
        public Builder steps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("steps = " + steps + " must be positive");
            }
            this.steps = steps;
            return this;
        }

        public PoemComparison build() {
            return new PoemComparison(this);
        }
    }
}
