package dev.mnemos.utm.bench.transitions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.utm.bench.Repair;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.ReportJson;
import dev.mnemos.utm.bench.Score;
import dev.mnemos.utm.prompt.PromptSet;

import java.util.Locale;

/** A bench of transitions as one JSON object (the shape is in utm/README.md, section utm-bench). */
public final class TransitionsJson {

    private TransitionsJson() {}

    public static ObjectNode of(Report<Transitions> r) {
        Transitions subject = r.subject();
        PromptSet prompts = subject.prompts();
        ObjectNode o = ReportJson.start("machine", prompts.machine().name(), r);
        o.put("mode", subject.mode().name().toLowerCase(Locale.ROOT));
        o.put("bootSha256", subject.bootHash());
        o.put("bootChars", prompts.boot().length());
        ReportJson.totals(o, r, "correct", "transitions");
        o.set("tokens", ReportJson.tokens(r.tokens()));
        ObjectNode cells = o.putObject("cells");
        for (String state : prompts.machine().states()) {
            ObjectNode row = cells.putObject(state);
            for (String symbol : prompts.machine().symbols()) {
                Score s = Transitions.score(r, state, symbol);
                if (s == null) row.putNull(symbol); else row.put(symbol, s.accuracy());
            }
        }
        ArrayNode ts = o.putArray("transitions");
        for (Score s : r.scores()) ts.add(transition(subject.transition(s.question()), s));
        return o;
    }

    private static ObjectNode transition(PromptSet.Transition t, Score s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("state", t.state());
        t.symbols().forEach(o.putArray("symbols")::add);
        return ReportJson.score(o, s, "correct", ReportJson.tokens(s.tokens()),
                Transitions.UNPARSEABLE, "unparseable", Transitions.BAD_WRITE, "badWrites");
    }

    /** A repair round's totals and boot. */
    public static ObjectNode round(Repair.Round<Transitions> round) {
        Report<Transitions> r = round.report();
        ObjectNode x = ReportJson.round(r, "transitions");
        x.put("correct", r.correct());
        x.put("bootSha256", r.subject().bootHash());
        x.put("bootChars", r.subject().prompts().boot().length());
        return x;
    }
}
