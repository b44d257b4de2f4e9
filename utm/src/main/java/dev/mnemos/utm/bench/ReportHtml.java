package dev.mnemos.utm.bench;

import java.util.Locale;

/**
 * The HTML every subject's report page shares: one self-contained page (inline CSS, no script,
 * nothing fetched), a facts row, the accuracy colours, a wrong answer, the repair's summary, and
 * escaping.
 */
public final class ReportHtml {

    private ReportHtml() {}

    /** The page up to its heading: {@code title} is the page's title and heading. */
    public static StringBuilder open(String title) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        return h;
    }

    /** The page, closed. */
    public static String close(StringBuilder h) {
        return h.append("</body>\n</html>\n").toString();
    }

    /** A row of the facts table. */
    public static void fact(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    /** A wrong answer as a table cell's content: the text kept, and how long it was when that is its start only. */
    public static String answer(Score.WrongAnswer w) {
        return "<code>" + esc(w.raw()) + "</code>" + (w.cut() ? String.format(Locale.ROOT, " ... (%,d characters)", w.rawLength()) : "");
    }

    /** The repair's paragraph: how it ended, the round kept, the calls. */
    public static void repairSummary(StringBuilder h, Repair.Result<?> repair, String rightText) {
        h.append("<h2>Repair</h2>\n<p>").append(repair.passed()
                ? rightText + " after " + ReportText.count(repair.last().round(), "repair round") + "."
                : "Stopped: " + esc(repair.stopped()) + ". The report above is the best round, " + repair.best().round() + ".")
                .append(" ").append(ReportText.count(repair.calls(), "model call")).append(".</p>\n");
    }

    /**
     * Red at 0, green only at 1: the hue follows the cube of the accuracy, so the range that matters
     * for a processor is spread out (80% yellow, 90% yellow-green, 50% orange-red) instead of 80-100%
     * all looking green.
     */
    public static String colour(double accuracy) {
        double a = Math.max(0, Math.min(1, accuracy));
        double hue = 120 * a * a * a;
        return String.format(Locale.ROOT, "hsl(%d, 65%%, %d%%)", Math.round(hue), 42 + Math.round(8 * (1 - a)));
    }

    /** Text made safe for HTML content and attribute values. */
    public static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em; color: #222; max-width: 70em; }
            h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { padding: 0.2em 0.7em; text-align: left; border-bottom: 1px solid #e4e4e4; vertical-align: top; }
            table.scores td:not(:first-child) { text-align: right; font-variant-numeric: tabular-nums; }
            tr.fail td { background: #fdecea; } tr.total td { font-weight: bold; }
            table.facts th { font-weight: normal; color: #666; }
            code { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-all; }
            svg.heat text { font-size: 12px; } svg.heat text.head, svg.heat text.pct { text-anchor: middle; }
            svg.heat text.state { text-anchor: end; font-weight: bold; } svg.heat text.pct { fill: #fff; font-weight: bold; }
            svg.heat text.end { text-anchor: end; } p.ok { color: #2a7a2a; }
            .grid { display: flex; flex-wrap: wrap; gap: 1px; } .grid span { width: 9px; height: 9px; display: inline-block; }
            """;
}
