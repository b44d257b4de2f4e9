package dev.mnemos.utm.lag.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.utm.bench.Latencies;
import dev.mnemos.utm.bench.Subject;
import dev.mnemos.utm.bench.Tokens;

import java.util.List;

/** One rule check: settings, per-rule scores, all calls' latencies and totals; {@link #toJson()} is the JSON report. */
public record CheckReport(String system, Subject subject, RuleCheck.Settings settings, int dictionaryLines,
                          int dictionaryChars, List<RuleScore> rules, Latencies latency, double seconds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public int calls() {
        return rules.stream().mapToInt(RuleScore::samples).sum();
    }

    public int accepted() {
        return rules.stream().mapToInt(RuleScore::accepted).sum();
    }

    /** Answers that wrapped the right value in prose (accepted only in lenient mode). */
    public int wrapped() {
        return rules.stream().mapToInt(RuleScore::wrapped).sum();
    }

    public double accuracy() {
        return calls() == 0 ? 0 : (double) accepted() / calls();
    }

    public List<RuleScore> failing() {
        return rules.stream().filter(r -> !r.passed()).toList();
    }

    public int passedCount() {
        return rules.size() - failing().size();
    }

    public boolean allPassed() {
        return failing().isEmpty();
    }

    public Tokens tokens() {
        Tokens t = Tokens.NONE;
        for (RuleScore r : rules) t = t.plus(r.tokens());
        return t;
    }

    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("system", system);
        o.put("backend", subject.backend());
        o.put("model", subject.model());
        o.put("style", subject.style());
        o.put("temperature", subject.temperature());
        o.put("samples", settings.samples());
        o.put("concurrency", settings.concurrency());
        o.put("match", settings.lenient() ? "lenient" : "exact");
        o.put("dictionaryLines", dictionaryLines);
        o.put("dictionaryChars", dictionaryChars);
        o.put("calls", calls());
        o.put("accepted", accepted());
        o.put("wrapped", wrapped());
        o.put("accuracy", accuracy());
        o.put("rulesPassed", passedCount());
        o.put("rulesTotal", rules.size());
        o.put("allPassed", allPassed());
        o.put("seconds", seconds);
        o.set("latencyMs", latencyJson(latency()));
        o.set("tokens", tokensJson(tokens()));
        ArrayNode failing = o.putArray("failing");
        for (RuleScore r : failing()) failing.add(r.key());
        ArrayNode list = o.putArray("rules");
        for (RuleScore r : rules) list.add(ruleJson(r));
        return o;
    }

    private static ObjectNode ruleJson(RuleScore r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", r.key());
        o.put("expected", r.expected());
        o.put("passed", r.passed());
        o.put("samples", r.samples());
        o.put("accepted", r.accepted());
        o.put("exact", r.exact());
        o.put("wrapped", r.wrapped());
        o.set("latencyMs", latencyJson(r.latency()));
        o.set("tokens", tokensJson(r.tokens()));
        ArrayNode wrong = o.putArray("wrongAnswers");
        for (RuleScore.WrongAnswer w : r.wrongAnswers()) wrong.addObject().put("raw", w.raw()).put("rawLength", w.rawLength()).put("count", w.count());
        return o;
    }

    static ObjectNode latencyJson(Latencies l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("p50", l.p50());
        o.put("p90", l.p90());
        o.put("p99", l.p99());
        o.put("mean", l.mean());
        o.put("max", l.max());
        return o;
    }

    static ObjectNode tokensJson(Tokens t) {
        if (!t.known()) return null;
        ObjectNode o = JSON.createObjectNode();
        o.put("counted", t.counted());
        o.put("input", t.input());
        o.put("output", t.output());
        o.put("inputPerCall", t.inputPerCall());
        o.put("outputPerCall", t.outputPerCall());
        return o;
    }
}
