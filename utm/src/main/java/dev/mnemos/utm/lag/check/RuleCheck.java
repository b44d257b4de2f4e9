package dev.mnemos.utm.lag.check;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bench.Latencies;
import dev.mnemos.utm.bench.Subject;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Asks a model for the value of every rule's key, each in its own call with the whole dictionary
 * in the prompt, {@code samples} times, at most {@code concurrency} calls at once, and scores each
 * answer with {@link AnswerMatch}. The first call that fails for good ends the check with its
 * {@link ModelException}.
 */
public final class RuleCheck {

    /**
     * @param samples     answers asked for per rule
     * @param concurrency calls in flight at most
     * @param lenient     accept answers that wrap the value in prose (off by default: exact match after trimming)
     */
    public record Settings(int samples, int concurrency, boolean lenient) {
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

    private final Processor processor;
    private final Settings settings;
    private final Subject subject;

    public RuleCheck(Processor processor, Settings settings, Subject subject) {
        this.processor = processor;
        this.settings = settings;
        this.subject = subject;
    }

    /** Model calls one check of {@code system} makes. */
    public static long calls(LagSystem system, Settings settings) {
        return (long) system.ruleCount() * settings.samples();
    }

    public CheckReport run(Dictionary dictionary, Listener listener) throws ModelException, InterruptedException {
        LagSystem system = dictionary.system();
        List<Rule> rules = system.rules();
        List<RuleScore.Tally> tallies = new ArrayList<>();
        for (Rule r : rules) tallies.add(new RuleScore.Tally(system.keyText(r), system.valueText(r), settings.lenient()));
        int total = rules.size() * settings.samples();
        long[] nanos = new long[total];
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.concurrency(), total), RuleCheck::daemon);
        try {
            CompletionService<Call> calls = new ExecutorCompletionService<>(pool);
            for (int k = 0; k < settings.samples(); k++) {
                for (int r = 0; r < rules.size(); r++) calls.submit(call(r, dictionary, rules.get(r)));
            }
            int wrong = 0;
            for (int done = 1; done <= total; done++) {
                Call c = next(calls);
                nanos[done - 1] = c.nanos();
                Answer a = c.answer();
                if (!tallies.get(c.index()).add(a.text(), c.nanos(), a.inputTokens(), a.outputTokens())) wrong++;
                listener.answered(done, total, wrong);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new CheckReport(system.name(), subject, settings, dictionary.lines().size(), dictionary.text().length(),
                tallies.stream().map(RuleScore.Tally::score).toList(), Latencies.ofNanos(nanos), seconds);
    }

    /** One lookup; the prompt (the whole dictionary) is built when the call runs, not held by every queued call. */
    private Callable<Call> call(int index, Dictionary dictionary, Rule rule) {
        return () -> {
            String prompt = dictionary.prompt(rule);
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
        Thread t = new Thread(r, "lag-check-call");
        t.setDaemon(true);
        return t;
    }
}
