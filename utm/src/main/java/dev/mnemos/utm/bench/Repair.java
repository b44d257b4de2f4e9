package dev.mnemos.utm.bench;

import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.prompt.PromptSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Repairs a boot preamble for a model: bench every transition prompt; while some answers are
 * wrong and the budget allows, append demonstrations of the failing transitions to the boot
 * ({@link Demonstrations}) and bench again with the new boot (every prompt, since every prompt
 * carries the boot). Ends when every answer is correct or the budget is spent.
 */
public final class Repair {

    /**
     * @param rounds   repair rounds at most: boot changes, each followed by a bench (the first bench is not one)
     * @param maxCalls model calls at most over all benches, or null for no bound; a bench that would
     *                 go past it is not started
     */
    public record Budget(int rounds, Long maxCalls) {
        public Budget {
            if (rounds < 0) throw new IllegalArgumentException("rounds must be 0 or more, not " + rounds);
            if (maxCalls != null && maxCalls < 1) throw new IllegalArgumentException("the call budget must be 1 or more, not " + maxCalls);
        }
    }

    /**
     * One bench of the repair.
     *
     * @param round  0 for the first bench, then 1, 2, ...
     * @param added  the transitions demonstrated for this round (none in round 0)
     */
    public record Round(int round, List<String> added, BenchReport report) {}

    /**
     * How the repair ended.
     *
     * @param passed  whether the last bench had every answer right
     * @param rounds  every bench, in order
     * @param calls   model calls made
     * @param stopped why it stopped without passing, or null
     */
    public record Result(boolean passed, List<Round> rounds, long calls, String stopped) {

        /** The repair as one JSON object: how it ended and each round's totals. */
        public ObjectNode toJson() {
            ObjectNode o = BenchReport.JSON.createObjectNode();
            o.put("passed", passed);
            o.put("calls", calls);
            if (stopped == null) o.putNull("stopped"); else o.put("stopped", stopped);
            o.put("bestRound", best().round());
            ArrayNode rs = o.putArray("rounds");
            for (Round r : rounds) {
                ObjectNode x = rs.addObject();
                x.put("round", r.round());
                r.added().forEach(x.putArray("added")::add);
                x.put("calls", r.report().calls());
                x.put("correct", r.report().correct());
                x.put("accuracy", r.report().accuracy());
                x.put("transitionsPassed", r.report().passedCount());
                ArrayNode failing = x.putArray("failing");
                r.report().failing().forEach(t -> failing.add(t.name()));
                x.put("bootSha256", r.report().bootHash());
                x.put("bootChars", r.report().boot().length());
            }
            return o;
        }

        public Round last() {
            return rounds.get(rounds.size() - 1);
        }

        /** The round to keep: the last one when it passed, else the one with most correct answers (the earliest of equals). */
        public Round best() {
            if (passed) return last();
            return rounds.stream().max(Comparator.comparingInt((Round r) -> r.report().correct())
                    .thenComparing(r -> -r.round())).orElseThrow();
        }
    }

    /** Told when a round starts and ends, and of each answer as a bench's listener is. */
    public interface Listener extends Bench.Listener {
        default void round(int round, List<String> added) {}

        default void benched(Round round) {}
    }

    private final PromptSet prompts;
    private final Processor processor;
    private final Bench.Settings settings;
    private final Subject subject;
    private final Budget budget;

    public Repair(PromptSet prompts, Processor processor, Bench.Settings settings, Subject subject, Budget budget) {
        this.prompts = prompts;
        this.processor = processor;
        this.settings = settings;
        this.subject = subject;
        this.budget = budget;
        int perBench = Bench.calls(prompts, settings);
        if (budget.maxCalls() != null && budget.maxCalls() < perBench) {
            throw new IllegalArgumentException("the call budget (" + budget.maxCalls() + ") is smaller than one bench ("
                    + prompts.transitions().size() + " prompts x " + settings.samples() + " samples = " + perBench + " calls)");
        }
    }

    public Result run(Listener listener) throws ModelException, InterruptedException {
        List<Round> rounds = new ArrayList<>();
        PromptSet current = prompts;
        List<String> added = List.of();
        long calls = 0;
        int perBench = Bench.calls(prompts, settings);
        for (int round = 0; ; round++) {
            if (budget.maxCalls() != null && calls + perBench > budget.maxCalls()) {
                return new Result(false, rounds, calls, "the call budget is spent: " + calls + " of " + budget.maxCalls()
                        + " calls made, and a bench takes " + perBench);
            }
            listener.round(round, added);
            BenchReport report = new Bench(current, processor, settings, subject).run(listener);
            calls += report.calls();
            rounds.add(new Round(round, added, report));
            listener.benched(rounds.get(rounds.size() - 1));
            if (report.allPassed()) return new Result(true, rounds, calls, null);
            if (round == budget.rounds()) {
                return new Result(false, rounds, calls, "the round budget is spent: " + budget.rounds() + " repair round"
                        + (budget.rounds() == 1 ? "" : "s"));
            }
            List<TransitionScore> failing = report.failing();
            added = failing.stream().map(TransitionScore::name).toList();
            current = current.withBoot(Demonstrations.add(current.boot(), current, failing));
        }
    }
}
