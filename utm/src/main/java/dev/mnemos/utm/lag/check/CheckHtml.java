package dev.mnemos.utm.lag.check;

import java.util.Locale;

/**
 * The report as one self-contained HTML page (inline CSS, no script, nothing fetched): settings and
 * totals, one small square per rule coloured by accuracy (red 0% to green 100%, key and counts in
 * its tooltip), the failing rules with their wrong answers, and the repair rounds.
 */
public final class CheckHtml {

    private CheckHtml() {}

    public static String render(CheckReport r, CheckRepair.Result repair) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>lag-check: ")
                .append(esc(r.system())).append("</title>\n<style>")
                .append("body{font:14px sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}")
                .append(".grid{display:flex;flex-wrap:wrap;gap:1px}.grid span{width:9px;height:9px;display:inline-block}")
                .append("code{background:#f4f4f4}</style></head><body>\n");
        sb.append("<h1>lag-check: ").append(esc(r.system())).append("</h1>\n<p>")
                .append(esc(r.subject().describe())).append("; ").append(r.rules().size()).append(" rules; dictionary of ")
                .append(r.dictionaryLines()).append(" lines (").append(r.dictionaryChars()).append(" characters); ")
                .append(r.settings().samples()).append(r.settings().samples() == 1 ? " answer per rule; " : " answers per rule; ").append(r.settings().lenient() ? "lenient" : "exact")
                .append(" match.</p>\n");
        sb.append(String.format(Locale.ROOT, "<p><b>accuracy %.1f%%</b> (%d of %d answers), rules passed %d of %d, %d answer%s wrapped in prose; "
                        + "latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms; %s; %.2f s.</p>\n",
                100 * r.accuracy(), r.accepted(), r.calls(), r.passedCount(), r.rules().size(), r.wrapped(), r.wrapped() == 1 ? "" : "s",
                r.latency().p50(), r.latency().p90(), r.latency().p99(),
                r.tokens().known() ? "tokens in/out per call " + CheckTable.tokens(r.tokens()) : "tokens not reported by the backend", r.seconds()));
        sb.append("<h2>Rules</h2>\n<div class=\"grid\">");
        for (RuleScore s : r.rules()) {
            sb.append("<span style=\"background:").append(colour(s.accuracy())).append("\" title=\"")
                    .append(esc(s.key() + ": " + s.accepted() + "/" + s.samples())).append("\"></span>");
        }
        sb.append("</div>\n");
        failing(sb, r);
        if (repair != null) rounds(sb, repair);
        return sb.append("</body></html>\n").toString();
    }

    private static void failing(StringBuilder sb, CheckReport r) {
        if (r.allPassed()) {
            sb.append("<p>Every rule passed.</p>\n");
            return;
        }
        sb.append("<h2>Failing rules</h2>\n<table><tr><th>key</th><th>expected</th><th>right</th><th>wrong answers</th></tr>\n");
        for (RuleScore s : r.failing()) {
            sb.append("<tr><td><code>").append(esc(s.key())).append("</code></td><td><code>").append(esc(s.expected()))
                    .append("</code></td><td>").append(s.accepted()).append('/').append(s.samples()).append("</td><td>");
            for (RuleScore.WrongAnswer w : s.wrongAnswers()) {
                sb.append(w.count()).append(" &times; <code>").append(esc(w.raw())).append("</code> ");
                if (w.rawLength() > w.raw().length()) sb.append("... (").append(String.format(Locale.ROOT, "%,d", w.rawLength())).append(" characters) ");
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void rounds(StringBuilder sb, CheckRepair.Result repair) {
        sb.append("<h2>Repair</h2>\n<p>").append(repair.passed() ? "every rule passed" : esc("stopped: " + repair.stopped()))
                .append("; ").append(repair.calls()).append(" calls; best round ").append(repair.best().round()).append(".</p>\n")
                .append("<table><tr><th>round</th><th>rules added</th><th>dictionary lines</th><th>accuracy</th><th>rules passed</th></tr>\n");
        for (CheckRepair.Round r : repair.rounds()) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%d</td><td>%.1f%%</td><td>%d</td></tr>%n", r.round(),
                    esc(String.join(" ", r.added())), r.dictionary().lines().size(), 100 * r.report().accuracy(), r.report().passedCount()));
        }
        sb.append("</table>\n");
    }

    /** Red (0) to green (1) through yellow. */
    static String colour(double accuracy) {
        int red = (int) Math.round(accuracy < 0.5 ? 220 : 220 * (1 - accuracy) * 2);
        int green = (int) Math.round(accuracy > 0.5 ? 180 : 180 * accuracy * 2);
        return String.format("#%02x%02x40", red, green);
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
