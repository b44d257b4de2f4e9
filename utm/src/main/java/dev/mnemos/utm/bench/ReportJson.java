package dev.mnemos.utm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON parts every subject's report shares: the model and settings, latencies, tokens, wrong answers. */
public final class ReportJson {

    private ReportJson() {}

    /** A report's start: {@code subjectKey} (the machine, the system), the model, and the bench settings. */
    public static ObjectNode start(String subjectKey, String subjectName, Report<?> r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(subjectKey, subjectName);
        o.put("backend", r.model().backend());
        if (r.model().model() == null) o.putNull("model"); else o.put("model", r.model().model());
        if (r.model().style() == null) o.putNull("style"); else o.put("style", r.model().style());
        o.put("temperature", r.model().temperature());
        o.put("samples", r.settings().samples());
        o.put("concurrency", r.settings().concurrency());
        return o;
    }

    /**
     * A report's totals: {@code calls}, the right answers as {@code rightKey} ({@code correct},
     * {@code accepted}), {@code accuracy}, the questions that passed and all of them as
     * {@code QUESTIONSPassed} and {@code QUESTIONSTotal}, {@code allPassed}, {@code seconds}, {@code latencyMs}.
     */
    public static void totals(ObjectNode o, Report<?> r, String rightKey, String questions) {
        o.put("calls", r.calls());
        o.put(rightKey, r.correct());
        o.put("accuracy", r.accuracy());
        o.put(questions + "Passed", r.passedCount());
        o.put(questions + "Total", r.scores().size());
        o.put("allPassed", r.allPassed());
        o.put("seconds", r.seconds());
        o.set("latencyMs", latency(r.latencies()));
    }

    /** A repair round's totals: {@code calls}, {@code accuracy}, {@code QUESTIONSPassed} and the names {@code failing}. */
    public static ObjectNode round(Report<?> r, String questions) {
        ObjectNode x = JsonNodeFactory.instance.objectNode();
        x.put("calls", r.calls());
        x.put("accuracy", r.accuracy());
        x.put(questions + "Passed", r.passedCount());
        ArrayNode failing = x.putArray("failing");
        r.failing().forEach(f -> failing.add(f.name()));
        return x;
    }

    /** {@code p50}, {@code p90}, {@code p99}, {@code mean}, {@code max} in milliseconds. */
    public static ObjectNode latency(Latencies l) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("p50", round(l.p50())).put("p90", round(l.p90())).put("p99", round(l.p99()))
                .put("mean", round(l.mean())).put("max", round(l.max()));
        return o;
    }

    /** {@code counted}, {@code input}, {@code output}, {@code inputPerCall}, {@code outputPerCall}: null but counted when none were reported. */
    public static ObjectNode tokens(Tokens t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("counted", t.counted());
        if (!t.known()) {
            o.putNull("input").putNull("output").putNull("inputPerCall").putNull("outputPerCall");
            return o;
        }
        o.put("input", t.input()).put("output", t.output())
                .put("inputPerCall", round(t.inputPerCall())).put("outputPerCall", round(t.outputPerCall()));
        return o;
    }

    /**
     * A question's score, after what {@code o} says of the question: {@code samples}, the right
     * answers as {@code rightKey}, {@code accuracy}, the answers of each kind ({@code kindKeys}: kind,
     * key, kind, key, ...), {@code latencyMs}, {@code tokens} (as given) and {@code wrongAnswers}.
     */
    public static ObjectNode score(ObjectNode o, Score s, String rightKey, JsonNode tokens, String... kindKeys) {
        o.put("samples", s.samples());
        o.put(rightKey, s.correct());
        o.put("accuracy", s.accuracy());
        for (int k = 0; k + 1 < kindKeys.length; k += 2) o.put(kindKeys[k + 1], s.count(kindKeys[k]));
        o.set("latencyMs", latency(s.latencies()));
        o.set("tokens", tokens);
        o.set("wrongAnswers", wrongAnswers(s));
        return o;
    }

    /** A score's wrong answers: {@code raw} (its first characters), {@code rawLength}, {@code count}, and {@code problem} when there is one. */
    public static ArrayNode wrongAnswers(Score s) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Score.WrongAnswer w : s.wrongAnswers()) {
            ObjectNode x = a.addObject().put("raw", w.raw()).put("rawLength", w.rawLength()).put("count", w.count());
            if (w.problem() != null) x.put("problem", w.problem());
        }
        return a;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
