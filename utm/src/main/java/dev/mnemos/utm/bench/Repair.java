package dev.mnemos.utm.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.runtime.model.ModelException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Repairs a subject for a model: bench it; while some answers are wrong and the budget allows, make
 * the subject teach the failing questions ({@link Subject#repaired}: demonstrations added to a
 * boot, rules repeated in a dictionary) and bench every question again, since every prompt carries
 * what was added. Ends when every answer is right or the budget is spent; the round to keep is the
 * last when it passed, else the one with most right answers (the earliest of equals).
 */
public final class Repair {

    /**
     * @param rounds   repair rounds at most: subject changes, each followed by a bench (the first bench is not one)
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
     * @param round 0 for the first bench, then 1, 2, ...
     * @param added the questions taught for this round (none in round 0)
     */
    public record Round<S extends Subject<S>>(int round, List<String> added, Report<S> report) {}

    /**
     * How the repair ended.
     *
     * @param passed  whether the last bench had every answer right
     * @param rounds  every bench, in order
     * @param calls   model calls made
     * @param stopped why it stopped without passing, or null
     */
    public record Result<S extends Subject<S>>(boolean passed, List<Round<S>> rounds, long calls, String stopped) {

        public Round<S> last() {
            return rounds.get(rounds.size() - 1);
        }

        /** The round to keep: the last one when it passed, else the one with most right answers (the earliest of equals). */
        public Round<S> best() {
            if (passed) return last();
            return rounds.stream().max(Comparator.comparingInt((Round<S> r) -> r.report().correct())
                    .thenComparing(r -> -r.round())).orElseThrow();
        }

        /** The repair as one JSON object: how it ended, and each round as {@code round} says (with its number and what it added). */
        public ObjectNode toJson(Function<Round<S>, ObjectNode> round) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("passed", passed);
            o.put("calls", calls);
            if (stopped == null) o.putNull("stopped"); else o.put("stopped", stopped);
            o.put("bestRound", best().round());
            ArrayNode rs = o.putArray("rounds");
            for (Round<S> r : rounds) {
                ObjectNode x = rs.addObject();
                x.put("round", r.round());
                r.added().forEach(x.putArray("added")::add);
                x.setAll(round.apply(r));
            }
            return o;
        }
    }

    /** Told when a round starts and ends, and of each answer as a bench's listener is. */
    public interface Listener<S extends Subject<S>> extends Bench.Listener {
        default void round(int round, List<String> added) {}

        default void benched(Round<S> round) {}
    }

    private final Bench bench;
    private final Budget budget;

    public Repair(Bench bench, Budget budget) {
        this.bench = bench;
        this.budget = budget;
    }

    /**
     * Repairs {@code subject}.
     *
     * @throws IllegalArgumentException when the call budget is smaller than one bench
     */
    public <S extends Subject<S>> Result<S> run(S subject, Listener<S> listener) throws ModelException, InterruptedException {
        long perBench = bench.calls(subject);
        if (budget.maxCalls() != null && budget.maxCalls() < perBench) {
            throw new IllegalArgumentException("the call budget (" + budget.maxCalls() + ") is smaller than one bench (" + subject.size()
                    + " questions x " + bench.settings().samples() + " samples = " + perBench + " calls)");
        }
        List<Round<S>> rounds = new ArrayList<>();
        S current = subject;
        List<String> added = List.of();
        long calls = 0;
        for (int round = 0; ; round++) {
            if (budget.maxCalls() != null && calls + perBench > budget.maxCalls()) {
                return new Result<>(false, rounds, calls, "the call budget is spent: " + calls + " of " + budget.maxCalls()
                        + " calls made, and a bench takes " + perBench);
            }
            listener.round(round, added);
            Report<S> report = bench.run(current, listener);
            calls += report.calls();
            rounds.add(new Round<>(round, added, report));
            listener.benched(rounds.get(rounds.size() - 1));
            if (report.allPassed()) return new Result<>(true, rounds, calls, null);
            if (round == budget.rounds()) {
                return new Result<>(false, rounds, calls, "the round budget is spent: " + budget.rounds() + " repair round"
                        + (budget.rounds() == 1 ? "" : "s"));
            }
            List<Score> failing = report.failing();
            added = failing.stream().map(Score::name).toList();
            current = current.repaired(failing.stream().map(Score::question).toList());
        }
    }
}
