package dev.mnemos.utm.lag.check;

import dev.mnemos.utm.bench.Latencies;
import dev.mnemos.utm.bench.Tokens;

import dev.mnemos.io.Printable;

import java.util.Locale;

/**
 * The terminal report: the settings, the totals, and one line per failing rule with its wrong
 * answers (a 2,000-rule table of passes would bury them; the JSON and HTML list every rule).
 */
public final class CheckTable {

    static final int FAILING_SHOWN = 50;

    private CheckTable() {}

    public static String render(CheckReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s on %s: %d rules, dictionary of %,d lines (%,d characters), %d answer%s per rule, %s match, %,d calls in %.2f s%n",
                r.subject().describe(), r.system(), r.rules().size(), r.dictionaryLines(), r.dictionaryChars(),
                r.settings().samples(), r.settings().samples() == 1 ? "" : "s", r.settings().lenient() ? "lenient" : "exact",
                r.calls(), r.seconds()));
        Latencies l = r.latency();
        sb.append(String.format(Locale.ROOT, "accuracy %.1f%% (%,d of %,d answers); rules passed %,d of %,d; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms; tokens in/out per call %s%n",
                100 * r.accuracy(), r.accepted(), r.calls(), r.passedCount(), r.rules().size(), l.p50(), l.p90(), l.p99(), tokens(r.tokens())));
        if (r.wrapped() > 0) {
            sb.append(String.format(Locale.ROOT, "%,d answer%s wrapped the right value in other text (%s)%n", r.wrapped(), r.wrapped() == 1 ? "" : "s",
                    r.settings().lenient() ? "accepted: lenient match" : "counted wrong: exact match; --lenient accepts them"));
        }
        int shown = 0;
        for (RuleScore s : r.failing()) {
            if (shown++ == FAILING_SHOWN) {
                sb.append(String.format("... and %,d more failing rules (see --json or --html)%n", r.failing().size() - FAILING_SHOWN));
                break;
            }
            sb.append(String.format(Locale.ROOT, "  %s: expected %s, %d/%d right; got", s.key(), quote(s.expected()), s.accepted(), s.samples()));
            for (RuleScore.WrongAnswer w : s.wrongAnswers()) sb.append(' ').append(w.count()).append(" x ").append(quote(w.raw()));
            sb.append('\n');
        }
        if (r.allPassed()) sb.append("every rule passed\n");
        return sb.toString();
    }

    static String tokens(Tokens t) {
        return t.known() ? String.format(Locale.ROOT, "%.1f / %.1f", t.inputPerCall(), t.outputPerCall()) : "-";
    }

    /** The text in double quotes, cut at 60 characters, made printable ({@link Printable}). */
    static String quote(String s) {
        return "\"" + Printable.of(s.length() > 60 ? s.substring(0, 60) : s).replace("\"", "\\\"") + (s.length() > 60 ? "..." : "") + "\"";
    }
}
