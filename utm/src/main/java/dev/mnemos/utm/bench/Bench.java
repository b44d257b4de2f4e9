package dev.mnemos.utm.bench;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Asks a model every question of a {@link Subject} {@code samples} times, at most
 * {@code concurrency} calls at once, and scores every answer with the subject's verdict: the one
 * engine behind utm-bench (a machine's transitions) and lag-check (a Lag system's rules). The
 * first model call that fails for good ends the bench with its {@link ModelException}.
 *
 * <pre>{@code
 * Bench bench = new Bench(processor, new Bench.Settings(5, 4), new ModelInfo("ollama", "llama2", "completion", 0.7));
 * Report<Transitions> report = bench.run(Transitions.of(PromptFiles.u152(), ParseMode.STRICT), Bench.Listener.NONE);
 * }</pre>
 */
public final class Bench {

    /**
     * @param samples     answers asked for per question
     * @param concurrency calls in flight at most
     */
    public record Settings(int samples, int concurrency) {
        public Settings {
            if (samples < 1) throw new IllegalArgumentException("samples must be 1 or more, not " + samples);
            if (concurrency < 1) throw new IllegalArgumentException("concurrency must be 1 or more, not " + concurrency);
        }
    }

    /** Told of each answer as it is scored (from one thread). */
    public interface Listener {
        Listener NONE = (done, total, wrong) -> { };

        void answered(int done, int total, int wrong);
    }

    private record Call(int question, Answer answer, long nanos) {}

    private final Processor processor;
    private final Settings settings;
    private final ModelInfo model;

    /** @param model how reports name the model {@code processor} calls */
    public Bench(Processor processor, Settings settings, ModelInfo model) {
        this.processor = processor;
        this.settings = settings;
        this.model = model;
    }

    public Settings settings() {
        return settings;
    }

    /** Model calls one bench of {@code subject} makes. */
    public long calls(Subject<?> subject) {
        return (long) subject.size() * settings.samples();
    }

    public <S extends Subject<S>> Report<S> run(S subject, Listener listener) throws ModelException, InterruptedException {
        List<Score.Tally> tallies = new ArrayList<>();
        for (int q = 0; q < subject.size(); q++) tallies.add(new Score.Tally(q, subject.name(q)));
        int total = subject.size() * settings.samples();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.concurrency(), total)), Bench::daemon);
        try {
            CompletionService<Call> calls = new ExecutorCompletionService<>(pool);
            for (int k = 0; k < settings.samples(); k++) {
                for (int q = 0; q < subject.size(); q++) calls.submit(call(subject, q));
            }
            int wrong = 0;
            for (int done = 1; done <= total; done++) {
                Call c = next(calls);
                String raw = c.answer().text();
                Verdict v = subject.judge(c.question(), raw);
                tallies.get(c.question()).add(raw, c.nanos(), c.answer().inputTokens(), c.answer().outputTokens(), v);
                if (!v.correct()) wrong++;
                listener.answered(done, total, wrong);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Report<>(subject, model, settings, tallies.stream().map(Score.Tally::score).toList(), seconds);
    }

    /** One call; the prompt is built when the call runs, not held by every queued call. */
    private Callable<Call> call(Subject<?> subject, int question) {
        return () -> {
            String prompt = subject.prompt(question);
            long t0 = System.nanoTime();
            Answer a = processor.process(prompt);
            return new Call(question, a, System.nanoTime() - t0);
        };
    }

    private static Call next(CompletionService<Call> calls) throws ModelException, InterruptedException {
        try {
            return calls.take().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ModelException m) throw m;
            if (cause instanceof RuntimeException r) throw r;
            throw new IllegalStateException("a model call failed: " + cause, cause);
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "bench-call");
        t.setDaemon(true);
        return t;
    }
}
