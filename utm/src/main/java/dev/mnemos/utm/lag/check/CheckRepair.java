package dev.mnemos.utm.lag.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.utm.lag.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's repair: check every rule; while some fail and the budget allows, add each failing
 * rule to the dictionary once more and check every rule again (every prompt holds the dictionary).
 * The dictionary to keep is the last one when every rule passed, else the best round's (most
 * answers accepted, the earliest of equals).
 */
public final class CheckRepair {

    /** Rounds at most (the first check is round 0, not counted) and model calls at most (null: no bound). */
    public record Budget(int rounds, Long maxCalls) {
        public Budget {
            if (rounds < 0) throw new IllegalArgumentException("rounds must be 0 or more, not " + rounds);
        }
    }

    /** Told of each round's start and end (and, through RuleCheck, of each answer). */
    public interface Listener extends RuleCheck.Listener {
        default void round(int round, List<String> added) {}

        default void checked(Round round) {}
    }

    public record Round(int round, List<String> added, Dictionary dictionary, CheckReport report) {}

    public record Result(List<Round> rounds, boolean passed, long calls, String stopped) {

        public Round best() {
            if (passed) return rounds.get(rounds.size() - 1);
            Round best = rounds.get(0);
            for (Round r : rounds) if (r.report().accepted() > best.report().accepted()) best = r;
            return best;
        }

        public ObjectNode toJson() {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("passed", passed);
            o.put("calls", calls);
            o.put("stopped", stopped);
            o.put("bestRound", best().round());
            ArrayNode list = o.putArray("rounds");
            for (Round r : rounds) {
                ObjectNode n = list.addObject();
                n.put("round", r.round());
                ArrayNode added = n.putArray("added");
                r.added().forEach(added::add);
                n.put("dictionaryLines", r.dictionary().lines().size());
                n.put("dictionaryChars", r.dictionary().text().length());
                n.put("calls", r.report().calls());
                n.put("accuracy", r.report().accuracy());
                n.put("rulesPassed", r.report().passedCount());
                ArrayNode failing = n.putArray("failing");
                r.report().failing().forEach(f -> failing.add(f.key()));
            }
            return o;
        }
    }

    private final RuleCheck check;
    private final Budget budget;

    public CheckRepair(RuleCheck check, Budget budget) {
        this.check = check;
        this.budget = budget;
    }

    public Result run(Dictionary start, long callsPerCheck, Listener listener) throws ModelException, InterruptedException {
        List<Round> rounds = new ArrayList<>();
        listener.round(0, List.of());
        CheckReport report = check.run(start, listener);
        long calls = report.calls();
        Round last = new Round(0, List.of(), start, report);
        rounds.add(last);
        listener.checked(last);
        while (!last.report().allPassed()) {
            if (last.round() >= budget.rounds()) return new Result(rounds, false, calls, "round budget spent (" + budget.rounds() + ")");
            if (budget.maxCalls() != null && calls + callsPerCheck > budget.maxCalls()) {
                return new Result(rounds, false, calls, "call budget spent (" + calls + " of " + budget.maxCalls() + " used; a round needs " + callsPerCheck + ")");
            }
            List<Rule> failing = failingRules(last);
            List<String> added = last.report().failing().stream().map(RuleScore::key).toList();
            Dictionary next = last.dictionary().plus(failing);
            listener.round(last.round() + 1, added);
            report = check.run(next, listener);
            calls += report.calls();
            last = new Round(last.round() + 1, added, next, report);
            rounds.add(last);
            listener.checked(last);
        }
        return new Result(rounds, true, calls, null);
    }

    private static List<Rule> failingRules(Round round) {
        var system = round.dictionary().system();
        List<Rule> out = new ArrayList<>();
        for (RuleScore s : round.report().failing()) {
            for (Rule r : system.rules()) {
                if (system.keyText(r).equals(s.key())) {
                    out.add(r);
                    break;
                }
            }
        }
        return out;
    }
}
