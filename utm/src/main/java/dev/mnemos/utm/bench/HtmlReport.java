package dev.mnemos.utm.bench;

import java.util.List;
import java.util.Locale;

/**
 * The bench as one self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched.
 * It shows the settings and totals, a heat map of accuracy with one row per state and one column
 * per symbol read (15 x 2 for U15,2), a table per prompt with latencies and tokens, the wrong
 * answers, and the rounds of a repair when there was one.
 */
public final class HtmlReport {

    static final int CELL_W = 84;
    static final int CELL_H = 26;
    static final int LABEL_W = 34;
    static final int HEAD_H = 24;

    private HtmlReport() {}

    /** The page; {@code repair} may be null. */
    public static String render(BenchReport r, Repair.Result repair) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>utm-bench: ")
                .append(esc(r.subject().describe())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>utm-bench: ").append(esc(r.subject().describe())).append("</h1>\n");
        summary(h, r);
        h.append("<h2>Accuracy per state and symbol read</h2>\n");
        heatMap(h, r);
        h.append("<h2>Per prompt</h2>\n");
        table(h, r);
        wrongAnswers(h, r);
        if (repair != null) repairRounds(h, repair);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, BenchReport r) {
        Latencies l = r.latencies();
        Tokens t = r.tokens();
        h.append("<table class=\"facts\">\n");
        fact(h, "machine", r.machine());
        fact(h, "answers per prompt", Integer.toString(r.settings().samples()));
        fact(h, "concurrent calls", Integer.toString(r.settings().concurrency()));
        fact(h, "parsing", r.settings().mode().name().toLowerCase(Locale.ROOT));
        fact(h, "boot", r.bootHash() + " (" + r.boot().length() + " characters)");
        fact(h, "accuracy", String.format(Locale.ROOT, "%.1f%% (%d of %d answers)", 100 * r.accuracy(), r.correct(), r.calls()));
        fact(h, "prompts always right", r.passedCount() + " of " + r.transitions().size());
        fact(h, "latency p50 / p90 / p99", String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", l.p50(), l.p90(), l.p99()));
        fact(h, "tokens per call in / out", t.known()
                ? String.format(Locale.ROOT, "%.1f / %.1f (%d calls counted)", t.inputPerCall(), t.outputPerCall(), t.counted())
                : "not reported by the backend");
        fact(h, "wall time", String.format(Locale.ROOT, "%.2f s", r.seconds()));
        h.append("</table>\n");
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static void heatMap(StringBuilder h, BenchReport r) {
        int w = LABEL_W + CELL_W * r.symbols().size();
        int height = HEAD_H + CELL_H * r.states().size() + 40;
        h.append("<svg class=\"heat\" width=\"").append(w).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(height).append("\" role=\"img\" aria-label=\"accuracy heat map\">\n");
        for (int c = 0; c < r.symbols().size(); c++) {
            h.append("<text class=\"head\" x=\"").append(LABEL_W + CELL_W * c + CELL_W / 2).append("\" y=\"16\">read ")
                    .append(esc(r.symbols().get(c))).append("</text>\n");
        }
        for (int row = 0; row < r.states().size(); row++) {
            String state = r.states().get(row);
            int y = HEAD_H + CELL_H * row;
            h.append("<text class=\"state\" x=\"").append(LABEL_W - 8).append("\" y=\"").append(y + CELL_H / 2 + 5).append("\">")
                    .append(esc(state)).append("</text>\n");
            for (int c = 0; c < r.symbols().size(); c++) cell(h, r, state, r.symbols().get(c), LABEL_W + CELL_W * c, y);
        }
        legend(h, HEAD_H + CELL_H * r.states().size() + 12, w);
        h.append("</svg>\n");
    }

    private static void cell(StringBuilder h, BenchReport r, String state, String symbol, int x, int y) {
        TransitionScore t = r.score(state, symbol);
        String fill = t == null ? "#ddd" : colour(t.accuracy());
        String acc = t == null ? "" : String.format(Locale.ROOT, "%.3f", t.accuracy());
        h.append("<g><rect class=\"cell\" data-state=\"").append(esc(state)).append("\" data-symbol=\"").append(esc(symbol))
                .append("\" data-accuracy=\"").append(acc).append("\" x=\"").append(x).append("\" y=\"").append(y)
                .append("\" width=\"").append(CELL_W - 2).append("\" height=\"").append(CELL_H - 2).append("\" fill=\"").append(fill).append("\">");
        h.append("<title>").append(esc(state)).append(" reading ").append(esc(symbol)).append(": ")
                .append(t == null ? "no prompt" : t.correct() + " of " + t.samples() + " correct").append("</title></rect>");
        if (t != null) {
            h.append("<text class=\"pct\" x=\"").append(x + CELL_W / 2 - 1).append("\" y=\"").append(y + CELL_H / 2 + 4).append("\">")
                    .append(String.format(Locale.ROOT, "%.0f%%", Math.floor(100 * t.accuracy()))).append("</text>");
        }
        h.append("</g>\n");
    }

    private static void legend(StringBuilder h, int y, int width) {
        h.append("<defs><linearGradient id=\"scale\">");
        for (int k = 0; k <= 10; k++) {
            h.append("<stop offset=\"").append(k * 10).append("%\" stop-color=\"").append(colour(k / 10.0)).append("\"/>");
        }
        h.append("</linearGradient></defs>\n");
        h.append("<rect x=\"").append(LABEL_W).append("\" y=\"").append(y).append("\" width=\"").append(width - LABEL_W - 2)
                .append("\" height=\"10\" fill=\"url(#scale)\"/>\n");
        h.append("<text class=\"legend\" x=\"").append(LABEL_W).append("\" y=\"").append(y + 24).append("\">0%</text>");
        h.append("<text class=\"legend end\" x=\"").append(width - 2).append("\" y=\"").append(y + 24).append("\">100%</text>\n");
    }

    /**
     * Red at 0, green only at 1: the hue follows the cube of the accuracy, so the range that matters
     * for a processor is spread out (80% yellow, 90% yellow-green, 50% orange-red) instead of 80-100%
     * all looking green.
     */
    static String colour(double accuracy) {
        double a = Math.max(0, Math.min(1, accuracy));
        double hue = 120 * a * a * a;
        return String.format(Locale.ROOT, "hsl(%d, 65%%, %d%%)", Math.round(hue), 42 + Math.round(8 * (1 - a)));
    }

    private static void table(StringBuilder h, BenchReport r) {
        h.append("<table class=\"scores\">\n<tr><th>prompt</th><th>correct</th><th>accuracy</th><th>unparseable</th>")
                .append("<th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>tokens in / out per call</th></tr>\n");
        for (TransitionScore t : r.transitions()) {
            row(h, t.passed() ? "" : " class=\"fail\"", t.name(), t.correct(), t.samples(), String.valueOf(t.unparseable()), t.latencies(), t.tokens());
        }
        int unparseable = r.transitions().stream().mapToInt(TransitionScore::unparseable).sum();
        row(h, " class=\"total\"", "all " + r.transitions().size(), r.correct(), r.calls(), String.valueOf(unparseable), r.latencies(), r.tokens());
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String cls, String name, int correct, int samples, String unparseable, Latencies l, Tokens t) {
        h.append("<tr").append(cls).append("><td>").append(esc(name)).append("</td><td>").append(correct).append(" / ").append(samples)
                .append(String.format(Locale.ROOT, "</td><td>%.1f%%</td><td>", samples == 0 ? 0.0 : 100.0 * correct / samples))
                .append(unparseable)
                .append(String.format(Locale.ROOT, "</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>", l.p50(), l.p90(), l.p99()))
                .append(t.known() ? String.format(Locale.ROOT, "%.1f / %.1f", t.inputPerCall(), t.outputPerCall()) : "-")
                .append("</td></tr>\n");
    }

    private static void wrongAnswers(StringBuilder h, BenchReport r) {
        List<TransitionScore> failing = r.failing();
        if (failing.isEmpty()) {
            h.append("<p class=\"ok\">Every answer was correct.</p>\n");
            return;
        }
        h.append("<h2>Wrong answers</h2>\n<table class=\"wrong\">\n<tr><th>prompt</th><th>times</th><th>answer</th><th>what was wrong</th></tr>\n");
        for (TransitionScore t : failing) {
            for (TransitionScore.WrongAnswer w : t.wrongAnswers()) {
                h.append("<tr><td>").append(esc(t.name())).append("</td><td>").append(w.count()).append("</td><td><code>")
                        .append(esc(w.raw())).append("</code>").append(w.rawLength() > w.raw().length() ? " ... (" + String.format(Locale.ROOT, "%,d", w.rawLength()) + " characters)" : "")
                        .append("</td><td>").append(esc(w.problem())).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static void repairRounds(StringBuilder h, Repair.Result repair) {
        h.append("<h2>Repair</h2>\n<p>").append(repair.passed()
                ? "Every answer was correct after " + repair.last().round() + " repair round" + (repair.last().round() == 1 ? "" : "s") + "."
                : "Stopped: " + esc(repair.stopped()) + ". The report above is the best round, " + repair.best().round() + ".")
                .append(" ").append(repair.calls()).append(" model calls.</p>\n");
        h.append("<table class=\"rounds\">\n<tr><th>round</th><th>demonstrations added</th><th>accuracy</th><th>prompts always right</th><th>still failing</th><th>boot</th></tr>\n");
        for (Repair.Round round : repair.rounds()) {
            BenchReport b = round.report();
            h.append("<tr><td>").append(round.round()).append("</td><td>").append(esc(round.added().isEmpty() ? "-" : String.join(", ", round.added())))
                    .append(String.format(Locale.ROOT, "</td><td>%.1f%%</td><td>", 100 * b.accuracy()))
                    .append(b.passedCount()).append(" of ").append(b.transitions().size()).append("</td><td>")
                    .append(esc(b.failing().isEmpty() ? "-" : String.join(", ", b.failing().stream().map(TransitionScore::name).toList())))
                    .append("</td><td>").append(b.bootHash()).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** Text made safe for HTML content and attribute values. */
    static String esc(String s) {
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
            """;
}
