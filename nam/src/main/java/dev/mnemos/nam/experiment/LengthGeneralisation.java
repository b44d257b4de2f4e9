package dev.mnemos.nam.experiment;

import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.task.Task;
import dev.mnemos.nam.train.Evaluation;
import dev.mnemos.nam.train.Models;
import dev.mnemos.nam.train.Trainer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The paper's length-generalisation experiment, small: for every task, model and seed, train on
 * problem sizes 1..N with the same step budget and about the same number of weights
 * ({@link ModelSizes}), then score zero-shot at sizes N, 2N and 4N. Runs are independent and
 * deterministic (seeded), spread over a few threads.
 *
 * <pre>{@code
 * List<RunResult> results = LengthGeneralisation.builder().maxLength(5).steps(1500).seeds(3).build().run(r -> {});
 * }</pre>
 */
public final class LengthGeneralisation {

    private final Builder b;

    private LengthGeneralisation(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs everything; {@code done} hears of each run as it finishes (from a worker thread). */
    public List<RunResult> run(Consumer<RunResult> done) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(b.threads);
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (Task task : b.tasks) {
                for (ModelKind kind : b.models) {
                    for (int seed = 1; seed <= b.seeds; seed++) {
                        long s = seed;
                        futures.add(pool.submit(() -> {
                            RunResult r = one(task, kind, s);
                            synchronized (done) {
                                done.accept(r);
                            }
                            return r;
                        }));
                    }
                }
            }
            List<RunResult> out = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                out.add(f.get());
            }
            out.sort(Comparator.comparing(RunResult::task).thenComparing(r -> r.model().id()).thenComparing(RunResult::seed));
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run: train a model of {@code kind} on {@code task} from {@code seed}, then score it. */
    public RunResult one(Task task, ModelKind kind, long seed) {
        long start = System.nanoTime();
        ModelSpec spec = ModelSizes.matching(kind, task);
        SequenceModel model = Models.build(spec, seed);
        Trainer trainer = Trainer.builder().model(model).task(task).maxLength(b.maxLength).batchSize(b.batchSize)
                .learningRate(b.learningRate).dataSeed(1000 + seed).batched(b.batched).build();
        double loss = 0;
        for (int i = 0; i < b.steps; i++) {
            double l = trainer.step().loss();
            loss = i == 0 ? l : 0.95 * loss + 0.05 * l;
        }
        List<Evaluation> scores = new ArrayList<>();
        for (int factor : new int[] {1, 2, 4}) {
            scores.add(Evaluation.of(model, task, factor * b.maxLength, b.evaluations, 7 * factor + seed));
        }
        return new RunResult(task.name(), kind, seed, model.params().count(), loss, scores,
                (System.nanoTime() - start) / 1e9);
    }

    public static final class Builder {
        private List<Task> tasks = Task.all();
        private List<ModelKind> models = List.of(ModelKind.values());
        private int seeds = 3;
        private int maxLength = 5;
        private int steps = 4000;
        private int batchSize = 8;
        private double learningRate = 1e-2;
        private int evaluations = 200;
        private int threads = 2;
        private boolean batched = true;

        private Builder() {
        }

        /** Batched training steps ({@link Trainer.Builder#batched}); default on. */
        public Builder batched(boolean on) {
            this.batched = on;
            return this;
        }

        public Builder tasks(List<Task> tasks) {
            this.tasks = List.copyOf(tasks);
            return this;
        }

        public Builder models(List<ModelKind> models) {
            this.models = List.copyOf(models);
            return this;
        }

        public Builder seeds(int n) {
            this.seeds = positive(n, "seeds");
            return this;
        }

        /** Train on sizes 1..n, test at n, 2n, 4n. */
        public Builder maxLength(int n) {
            this.maxLength = positive(n, "N");
            return this;
        }

        /** Training steps per run (the same for every model). */
        public Builder steps(int n) {
            this.steps = positive(n, "steps");
            return this;
        }

        public Builder batchSize(int n) {
            this.batchSize = positive(n, "batch size");
            return this;
        }

        public Builder learningRate(double lr) {
            this.learningRate = lr;
            return this;
        }

        /** Test sequences per size. */
        public Builder evaluations(int n) {
            this.evaluations = positive(n, "evaluations");
            return this;
        }

        public Builder threads(int n) {
            this.threads = positive(n, "threads");
            return this;
        }

        public LengthGeneralisation build() {
            return new LengthGeneralisation(this);
        }

        private static int positive(int n, String name) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " = " + n + " must be positive");
            }
            return n;
        }
    }
}
