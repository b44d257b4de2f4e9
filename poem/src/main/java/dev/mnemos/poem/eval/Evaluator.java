package dev.mnemos.poem.eval;

import dev.mnemos.poem.Poem;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.action.Permutations;
import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.ask.Reply;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.ActionValueEstimator;
import dev.mnemos.poem.pool.Ranked;
import dev.mnemos.poem.reward.Answers;
import dev.mnemos.poem.reward.ExactMatch;
import dev.mnemos.poem.reward.Reward;
import dev.mnemos.runtime.model.ModelException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Scores POEM against the baselines on held-out queries: random order, most similar first (what a
 * similarity selector gives), most similar last, and the best single fixed order found in
 * training. Every method sees the same m examples per query; only the order differs. Each method
 * gets a mean score and a 95% interval.
 */
public final class Evaluator {

    private final Poem poem;
    private final Asker asker;
    private final Reward metric;
    private final List<String> labels;
    private final Map<String, ActionValueEstimator> learners;
    private final Permutation bestFixed;
    private final int concurrency;
    private final long seed;
    private final ProgressListener progress;

    /** Hears how many queries are scored so far. */
    @FunctionalInterface
    public interface ProgressListener {
        void onQueryScored(int done, int total);
    }

    private Evaluator(Builder b) {
        this.poem = Objects.requireNonNull(b.poem, "poem");
        this.asker = Objects.requireNonNull(b.asker, "asker");
        this.labels = List.copyOf(b.labels);
        this.metric = b.metric != null ? b.metric : new ExactMatch(labels);
        this.learners = new LinkedHashMap<>(b.learners);
        if (learners.isEmpty()) learners.put("poem", poem.estimator());
        this.bestFixed = b.bestFixed;
        this.concurrency = b.concurrency;
        this.seed = b.seed;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    public EvalReport evaluate(List<Example> queries) throws ModelException {
        Map<String, Function<Selected, Permutation>> methods = methods();
        List<float[]> states = poem.encoder().encodeAll(queries.stream().map(Example::input).toList());
        Scores scores = new Scores(methods.keySet(), queries.size());
        scoreAll(queries, states, methods, scores);
        List<MethodResult> results = new ArrayList<>();
        for (String name : methods.keySet()) {
            results.add(new MethodResult(name, orderShown(name), Interval.of(scores.values.get(name)),
                    scores.outside.get(name).get()));
        }
        return new EvalReport(queries.size(), poem.m(), results);
    }

    /** Each method compared, by name: the learners, then the fixed orders. */
    private Map<String, Function<Selected, Permutation>> methods() {
        int m = poem.m();
        Map<String, Function<Selected, Permutation>> methods = new LinkedHashMap<>();
        learners.forEach((name, estimator) -> methods.put(name, s -> estimator.best(s.state).orElse(poem.fallback())));
        methods.put("random", s -> Permutations.random(m, new Random(seed * 31 + s.query.input().hashCode())));
        methods.put("most-similar-first", s -> Permutation.identity(m));
        methods.put("most-similar-last", s -> Permutation.reversed(m));
        if (bestFixed != null) methods.put("best-fixed", s -> bestFixed);
        return methods;
    }

    /** Scores every query with every method, {@code concurrency} queries at a time. */
    private void scoreAll(List<Example> queries, List<float[]> states,
                          Map<String, Function<Selected, Permutation>> methods, Scores scores) throws ModelException {
        int n = queries.size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, n)), r -> {
            Thread t = new Thread(r, "poem-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int q = i;
                futures.add(workers.submit(() -> {
                    Selected s = new Selected(queries.get(q), states.get(q), poem.pool().nearest(states.get(q), poem.m()));
                    for (Map.Entry<String, Function<Selected, Permutation>> method : methods.entrySet()) {
                        score(s, q, method.getKey(), method.getValue().apply(s), scores);
                    }
                    progress.onQueryScored(done.incrementAndGet(), n);
                    return null;
                }));
            }
            for (Future<?> f : futures) await(f);
        } finally {
            workers.shutdownNow();
        }
    }

    private void score(Selected s, int q, String method, Permutation order, Scores scores) throws ModelException {
        Reply reply = asker.ask(s.query.input(), order.apply(s.ranked.byRank()));
        scores.values.get(method)[q] = metric.score(reply, s.query.output());
        if (!labels.isEmpty() && Answers.label(reply.text(), labels).isEmpty()) {
            scores.outside.get(method).incrementAndGet();
        }
    }

    /** The order a method uses, as the report shows it. */
    private String orderShown(String method) {
        int m = poem.m();
        return switch (method) {
            case "random" -> "random";
            case "most-similar-first" -> Permutation.identity(m).toString();
            case "most-similar-last" -> Permutation.reversed(m).toString();
            case "best-fixed" -> bestFixed.toString();
            default -> "per query";
        };
    }

    /** Per method: the score of each query, and how many answers were outside the labels. */
    private static final class Scores {
        final Map<String, double[]> values = new LinkedHashMap<>();
        final Map<String, AtomicInteger> outside = new LinkedHashMap<>();

        Scores(Iterable<String> methods, int queries) {
            for (String method : methods) {
                values.put(method, new double[queries]);
                outside.put(method, new AtomicInteger());
            }
        }
    }

    private static void await(Future<?> f) throws ModelException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.TIMEOUT, "evaluation was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModelException me) throw me;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Selected(Example query, float[] state, Ranked ranked) {}

    public static final class Builder {
        private Poem poem;
        private Asker asker;
        private Reward metric;
        private List<String> labels = List.of();
        private final Map<String, ActionValueEstimator> learners = new LinkedHashMap<>();
        private Permutation bestFixed;
        private int concurrency = 4;
        private long seed = 1;
        private ProgressListener progress = (done, total) -> {};

        private Builder() {}

        public Builder poem(Poem poem) { this.poem = poem; return this; }

        public Builder asker(Asker asker) { this.asker = asker; return this; }

        /** How an answer is scored; default exact match (accuracy), reading labels when given. */
        public Builder metric(Reward metric) { this.metric = metric; return this; }

        /** The allowed labels; answers naming none are counted as outside. */
        public Builder labels(List<String> labels) { this.labels = labels; return this; }

        /**
         * A learned estimator to score under this name; may be called several times to compare
         * estimators. Default: the poem's own estimator, as "poem".
         */
        public Builder learner(String name, ActionValueEstimator estimator) { this.learners.put(name, estimator); return this; }

        /** The best single fixed order from training (see TrainingLog#bestFixedOrder); omitted when null. */
        public Builder bestFixed(Permutation order) { this.bestFixed = order; return this; }

        public Builder concurrency(int concurrency) {
            if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
            this.concurrency = concurrency;
            return this;
        }

        /** Seed of the random-order baseline. */
        public Builder seed(long seed) { this.seed = seed; return this; }

        public Builder progress(ProgressListener progress) { this.progress = Objects.requireNonNull(progress); return this; }

        public Evaluator build() {
            return new Evaluator(this);
        }
    }
}
