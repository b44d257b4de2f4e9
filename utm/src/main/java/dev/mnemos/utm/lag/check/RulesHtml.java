package dev.mnemos.utm.lag.check;

import dev.mnemos.utm.bench.Repair;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.ReportHtml;
import dev.mnemos.utm.bench.ReportText;
import dev.mnemos.utm.bench.Score;

import java.util.Locale;

import static dev.mnemos.utm.bench.ReportHtml.esc;

/**
 * A check of rules as one self-contained HTML page (inline CSS, no script, nothing fetched):
 * settings and totals, one small square per rule coloured by accuracy (red 0% to green 100%, key
 * and counts in its tooltip), the failing rules with their wrong answers, and the repair rounds.
 */
public final class RulesHtml {

    private RulesHtml() {}

    /** The page; {@code repair} may be null. */
    public static String render(Report<Rules> r, Repair.Result<Rules> repair) {
        Rules subject = r.subject();
        Dictionary d = subject.dictionary();
        StringBuilder sb = ReportHtml.open("lag-check: " + d.system().name());
        sb.append("<p>").append(esc(r.model().describe())).append("; ").append(ReportText.count(r.scores().size(), "rule"))
                .append("; dictionary of ").append(ReportText.count(d.lines().size(), "line")).append(" (")
                .append(ReportText.count(d.text().length(), "character")).append("); ")
                .append(ReportText.count(r.settings().samples(), "answer")).append(" per rule; ").append(subject.lenient() ? "lenient" : "exact")
                .append(" match.</p>\n");
        sb.append(String.format(Locale.ROOT, "<p><b>accuracy %.1f%%</b> (%,d of %s), rules passed %,d of %,d, %s wrapped in prose; "
                        + "latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms; %s; %.2f s.</p>\n",
                100 * r.accuracy(), r.correct(), ReportText.count(r.calls(), "answer"), r.passedCount(), r.scores().size(),
                ReportText.count(r.count(Rules.WRAPPED), "answer"), r.latencies().p50(), r.latencies().p90(), r.latencies().p99(),
                r.tokens().known() ? "tokens in/out per call " + ReportText.tokens(r.tokens()) : "tokens not reported by the backend", r.seconds()));
        sb.append("<h2>Rules</h2>\n<div class=\"grid\">");
        for (Score s : r.scores()) {
            sb.append("<span style=\"background:").append(ReportHtml.colour(s.accuracy())).append("\" title=\"")
                    .append(esc(s.name() + ": " + s.correct() + "/" + s.samples())).append("\"></span>");
        }
        sb.append("</div>\n");
        failing(sb, r);
        if (repair != null) rounds(sb, repair);
        return ReportHtml.close(sb);
    }

    private static void failing(StringBuilder sb, Report<Rules> r) {
        if (r.allPassed()) {
            sb.append("<p class=\"ok\">Every rule passed.</p>\n");
            return;
        }
        sb.append("<h2>Failing rules</h2>\n<table><tr><th>key</th><th>expected</th><th>right</th><th>wrong answers</th></tr>\n");
        for (Score s : r.failing()) {
            sb.append("<tr><td><code>").append(esc(s.name())).append("</code></td><td><code>").append(esc(r.subject().expected(s.question())))
                    .append("</code></td><td>").append(s.correct()).append('/').append(s.samples()).append("</td><td>");
            for (Score.WrongAnswer w : s.wrongAnswers()) sb.append(w.count()).append(" &times; ").append(ReportHtml.answer(w)).append(' ');
            sb.append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void rounds(StringBuilder sb, Repair.Result<Rules> repair) {
        ReportHtml.repairSummary(sb, repair, "Every rule passed");
        sb.append("<table><tr><th>round</th><th>rules added</th><th>dictionary lines</th><th>accuracy</th><th>rules passed</th></tr>\n");
        for (Repair.Round<Rules> r : repair.rounds()) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%d</td><td>%.1f%%</td><td>%d</td></tr>%n", r.round(),
                    esc(String.join(" ", r.added())), r.report().subject().dictionary().lines().size(), 100 * r.report().accuracy(),
                    r.report().passedCount()));
        }
        sb.append("</table>\n");
    }
}
