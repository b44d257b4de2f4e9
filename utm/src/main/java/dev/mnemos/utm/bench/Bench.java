package dev.mnemos.utm.bench;

import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.prompt.PromptSet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends each distinct transition prompt of a machine ({@link PromptSet#transitions()}, 29 for
 * U15,2) to a processor {@code samples} times, at most {@code concurrency} calls at once, and
 * scores every answer with {@link AnswerCheck}. The first model call that fails for good ends the
 * bench with its {@link ModelException}.
 */
public final class Bench {

    /**
     * @param samples     answers asked for per prompt
     * @param concurrency calls in flight at most
     * @param mode        how answers are parsed (as utm-run's --mode)
     */
    public record Settings(int samples, int concurrency, ParseMode mode) {
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

    private record Call(int index, Answer answer, long nanos) {}

    private final PromptSet prompts;
    private final Processor processor;
    private final Settings settings;
    private final Subject subject;

    public Bench(PromptSet prompts, Processor processor, Settings settings, Subject subject) {
        this.prompts = prompts;
        this.processor = processor;
        this.settings = settings;
        this.subject = subject;
    }

    /** Model calls one bench makes. */
    public static int calls(PromptSet prompts, Settings settings) {
        return prompts.transitions().size() * settings.samples();
    }

    public BenchReport run(Listener listener) throws ModelException, InterruptedException {
        List<PromptSet.Transition> transitions = prompts.transitions();
        List<TransitionScore.Tally> tallies = new ArrayList<>();
        for (PromptSet.Transition t : transitions) tallies.add(new TransitionScore.Tally(t.state(), t.symbols()));
        AnswerCheck check = new AnswerCheck(prompts, settings.mode());
        int total = transitions.size() * settings.samples();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.concurrency(), total), Bench::daemon);
        try {
            CompletionService<Call> calls = new ExecutorCompletionService<>(pool);
            for (int k = 0; k < settings.samples(); k++) {
                for (int t = 0; t < transitions.size(); t++) calls.submit(call(t, transitions.get(t).prompt()));
            }
            int wrong = 0;
            for (int done = 1; done <= total; done++) {
                Call c = next(calls);
                AnswerCheck.Verdict v = check.check(transitions.get(c.index()), c.answer().text());
                tallies.get(c.index()).add(c.answer().text(), c.nanos(), c.answer().inputTokens(), c.answer().outputTokens(), v);
                if (!v.correct()) wrong++;
                listener.answered(done, total, wrong);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new BenchReport(prompts.machine().name(), prompts.machine().states(), prompts.machine().symbols(), subject, settings, prompts.boot(),
                tallies.stream().map(TransitionScore.Tally::score).toList(), seconds);
    }

    private Callable<Call> call(int index, String prompt) {
        return () -> {
            long t0 = System.nanoTime();
            Answer a = processor.process(prompt);
            return new Call(index, a, System.nanoTime() - t0);
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
        Thread t = new Thread(r, "utm-bench-call");
        t.setDaemon(true);
        return t;
    }
}
