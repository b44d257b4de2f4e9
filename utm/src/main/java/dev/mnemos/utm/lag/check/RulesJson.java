package dev.mnemos.utm.lag.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.utm.bench.Repair;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.ReportJson;
import dev.mnemos.utm.bench.Score;
import dev.mnemos.utm.bench.Tokens;

/** A check of rules as one JSON object (the shape is in utm/README.md, section lag-check). */
public final class RulesJson {

    private RulesJson() {}

    public static ObjectNode of(Report<Rules> r) {
        Dictionary d = r.subject().dictionary();
        ObjectNode o = ReportJson.start("system", d.system().name(), r);
        o.put("match", r.subject().lenient() ? "lenient" : "exact");
        o.put("dictionaryLines", d.lines().size());
        o.put("dictionaryChars", d.text().length());
        ReportJson.totals(o, r, "accepted", "rules");
        o.put("wrapped", r.count(Rules.WRAPPED));
        o.set("tokens", tokens(r.tokens()));
        ArrayNode failing = o.putArray("failing");
        for (Score s : r.failing()) failing.add(s.name());
        ArrayNode rules = o.putArray("rules");
        for (Score s : r.scores()) rules.add(rule(r.subject(), s));
        return o;
    }

    private static ObjectNode rule(Rules subject, Score s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("key", s.name());
        o.put("expected", subject.expected(s.question()));
        o.put("passed", s.passed());
        return ReportJson.score(o, s, "accepted", tokens(s.tokens()), Rules.EXACT, "exact", Rules.WRAPPED, "wrapped");
    }

    /** Null when the backend reported none (lag-check's JSON has always said so with null). */
    private static ObjectNode tokens(Tokens t) {
        return t.known() ? ReportJson.tokens(t) : null;
    }

    /** A repair round's dictionary and totals. */
    public static ObjectNode round(Repair.Round<Rules> round) {
        Report<Rules> r = round.report();
        ObjectNode n = ReportJson.round(r, "rules");
        n.put("dictionaryLines", r.subject().dictionary().lines().size());
        n.put("dictionaryChars", r.subject().dictionary().text().length());
        return n;
    }
}
