package dev.mnemos.utm.lag.check;

import dev.mnemos.utm.bench.Latencies;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.ReportText;
import dev.mnemos.utm.bench.Score;

import java.util.Locale;

/**
 * A check of rules for the terminal: the settings, the totals, and one line per failing rule with
 * its wrong answers (a 2,000-rule table of passes would bury them; the JSON and HTML list every rule).
 */
public final class RulesTable {

    static final int FAILING_SHOWN = 50;

    private RulesTable() {}

    public static String render(Report<Rules> r) {
        Rules subject = r.subject();
        Dictionary d = subject.dictionary();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s on %s: %d rules, dictionary of %,d lines (%,d characters), %s per rule, %s match, %,d calls in %.2f s%n",
                r.model().describe(), d.system().name(), r.scores().size(), d.lines().size(), d.text().length(),
                ReportText.count(r.settings().samples(), "answer"), subject.lenient() ? "lenient" : "exact", r.calls(), r.seconds()));
        Latencies l = r.latencies();
        sb.append(String.format(Locale.ROOT, "accuracy %.1f%% (%,d of %,d answers); rules passed %,d of %,d; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms; tokens in/out per call %s%n",
                100 * r.accuracy(), r.correct(), r.calls(), r.passedCount(), r.scores().size(), l.p50(), l.p90(), l.p99(), ReportText.tokens(r.tokens())));
        int wrapped = r.count(Rules.WRAPPED);
        if (wrapped > 0) {
            sb.append(String.format(Locale.ROOT, "%s wrapped the right value in other text (%s)%n", ReportText.count(wrapped, "answer"),
                    subject.lenient() ? "accepted: lenient match" : "counted wrong: exact match; --lenient accepts them"));
        }
        int shown = 0;
        for (Score s : r.failing()) {
            if (shown++ == FAILING_SHOWN) {
                sb.append(String.format(Locale.ROOT, "... and %,d more failing rules (see --json or --html)%n", r.failing().size() - FAILING_SHOWN));
                break;
            }
            sb.append(String.format(Locale.ROOT, "  %s: expected %s, %d/%d right; got", s.name(), ReportText.quote(subject.expected(s.question()), 60, true),
                    s.correct(), s.samples()));
            for (Score.WrongAnswer w : s.wrongAnswers()) sb.append(' ').append(w.count()).append(" x ").append(ReportText.quote(w.raw(), 60, true));
            sb.append('\n');
        }
        if (r.allPassed()) sb.append("every rule passed\n");
        return sb.toString();
    }
}
