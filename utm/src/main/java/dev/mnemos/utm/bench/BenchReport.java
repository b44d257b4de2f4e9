package dev.mnemos.utm.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The result of one bench: a score per distinct transition prompt, and the totals.
 *
 * @param machine     the machine's name
 * @param states      its states, in table order (the heat map's rows)
 * @param symbols     its symbols (the heat map's columns)
 * @param boot        the boot preamble the prompts carried
 * @param transitions one score per distinct prompt, in {@link dev.mnemos.utm.prompt.PromptSet#transitions()} order
 * @param seconds     wall time of the bench
 */
public record BenchReport(String machine, List<String> states, List<String> symbols, Subject subject,
                          Bench.Settings settings, String boot, List<TransitionScore> transitions, double seconds) {

    static final ObjectMapper JSON = new ObjectMapper();

    public BenchReport {
        states = List.copyOf(states);
        symbols = List.copyOf(symbols);
        transitions = List.copyOf(transitions);
    }

    public int calls() {
        return transitions.stream().mapToInt(TransitionScore::samples).sum();
    }

    public int correct() {
        return transitions.stream().mapToInt(TransitionScore::correct).sum();
    }

    /** Correct answers over all answers. */
    public double accuracy() {
        int calls = calls();
        return calls == 0 ? 0 : (double) correct() / calls;
    }

    /** Whether every answer to every prompt was correct. */
    public boolean allPassed() {
        return transitions.stream().allMatch(TransitionScore::passed);
    }

    /** The transitions with at least one answer that was not correct. */
    public List<TransitionScore> failing() {
        return transitions.stream().filter(t -> !t.passed()).toList();
    }

    /** The transitions whose every answer was correct. */
    public int passedCount() {
        return transitions.size() - failing().size();
    }

    /** The score of the prompt the machine gets in (state, symbol), or null when there is none. */
    public TransitionScore score(String state, String symbol) {
        for (TransitionScore t : transitions) {
            if (t.state().equals(state) && t.symbols().contains(symbol)) return t;
        }
        return null;
    }

    public Latencies latencies() {
        return Latencies.ofNanos(transitions.stream().flatMapToLong(t -> LongStream.of(t.latencyNanos())).toArray());
    }

    public Tokens tokens() {
        return transitions.stream().map(TransitionScore::tokens).reduce(Tokens.NONE, Tokens::plus);
    }

    /** The first 12 hex digits of the boot's SHA-256: tells boots apart in reports. */
    public String bootHash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(boot.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report as one JSON object (the shape is in utm/README.md, section utm-bench). */
    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("machine", machine);
        o.put("backend", subject.backend());
        if (subject.model() == null) o.putNull("model"); else o.put("model", subject.model());
        if (subject.style() == null) o.putNull("style"); else o.put("style", subject.style());
        o.put("temperature", subject.temperature());
        o.put("samples", settings.samples());
        o.put("concurrency", settings.concurrency());
        o.put("mode", settings.mode().name().toLowerCase());
        o.put("bootSha256", bootHash());
        o.put("bootChars", boot.length());
        o.put("calls", calls());
        o.put("correct", correct());
        o.put("accuracy", accuracy());
        o.put("transitionsPassed", passedCount());
        o.put("transitionsTotal", transitions.size());
        o.put("allPassed", allPassed());
        o.put("seconds", seconds);
        o.set("latencyMs", latencyJson(latencies()));
        o.set("tokens", tokensJson(tokens()));
        ObjectNode cells = o.putObject("cells");
        for (String state : states) {
            ObjectNode row = cells.putObject(state);
            for (String symbol : symbols) {
                TransitionScore t = score(state, symbol);
                if (t == null) row.putNull(symbol); else row.put(symbol, t.accuracy());
            }
        }
        ArrayNode ts = o.putArray("transitions");
        for (TransitionScore t : transitions) ts.add(transitionJson(t));
        return o;
    }

    private static ObjectNode transitionJson(TransitionScore t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("state", t.state());
        ArrayNode s = o.putArray("symbols");
        t.symbols().forEach(s::add);
        o.put("samples", t.samples());
        o.put("correct", t.correct());
        o.put("accuracy", t.accuracy());
        o.put("unparseable", t.unparseable());
        o.put("badWrites", t.badWrites());
        o.set("latencyMs", latencyJson(t.latencies()));
        o.set("tokens", tokensJson(t.tokens()));
        ArrayNode wrong = o.putArray("wrongAnswers");
        for (TransitionScore.WrongAnswer w : t.wrongAnswers()) {
            wrong.addObject().put("raw", w.raw()).put("rawLength", w.rawLength()).put("count", w.count()).put("problem", w.problem());
        }
        return o;
    }

    private static ObjectNode latencyJson(Latencies l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("p50", round(l.p50())).put("p90", round(l.p90())).put("p99", round(l.p99()))
                .put("mean", round(l.mean())).put("max", round(l.max()));
        return o;
    }

    private static ObjectNode tokensJson(Tokens t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("counted", t.counted());
        if (!t.known()) {
            o.putNull("input").putNull("output").putNull("inputPerCall").putNull("outputPerCall");
            return o;
        }
        o.put("input", t.input()).put("output", t.output())
                .put("inputPerCall", round(t.inputPerCall())).put("outputPerCall", round(t.outputPerCall()));
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
