package dev.mnemos.utm.bench.transitions;

import dev.mnemos.utm.bench.Latencies;
import dev.mnemos.utm.bench.Repair;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.ReportText;
import dev.mnemos.utm.bench.Score;
import dev.mnemos.utm.bench.Tokens;

import java.util.List;
import java.util.Locale;

import dev.mnemos.utm.bench.ReportHtml;

import static dev.mnemos.utm.bench.ReportHtml.answer;
import static dev.mnemos.utm.bench.ReportHtml.colour;
import static dev.mnemos.utm.bench.ReportHtml.esc;
import static dev.mnemos.utm.bench.ReportHtml.fact;

/**
 * A bench of transitions as one self-contained HTML page: the settings and totals, a heat map of
 * accuracy with one row per state and one column per symbol read (15 x 2 for U15,2), a table per
 * prompt with latencies and tokens, the wrong answers, and the rounds of a repair when there was one.
 */
public final class TransitionsHtml {

    static final int CELL_W = 84;
    static final int CELL_H = 26;
    static final int LABEL_W = 34;
    static final int HEAD_H = 24;

    private TransitionsHtml() {}

    /** The page; {@code repair} may be null. */
    public static String render(Report<Transitions> r, Repair.Result<Transitions> repair) {
        StringBuilder h = ReportHtml.open("utm-bench: " + r.model().describe());
        summary(h, r);
        h.append("<h2>Accuracy per state and symbol read</h2>\n");
        heatMap(h, r);
        h.append("<h2>Per prompt</h2>\n");
        table(h, r);
        wrongAnswers(h, r);
        if (repair != null) repairRounds(h, repair);
        return ReportHtml.close(h);
    }

    private static void summary(StringBuilder h, Report<Transitions> r) {
        Latencies l = r.latencies();
        Tokens t = r.tokens();
        Transitions subject = r.subject();
        h.append("<table class=\"facts\">\n");
        fact(h, "machine", subject.prompts().machine().name());
        fact(h, "answers per prompt", Integer.toString(r.settings().samples()));
        fact(h, "concurrent calls", Integer.toString(r.settings().concurrency()));
        fact(h, "parsing", subject.mode().name().toLowerCase(Locale.ROOT));
        fact(h, "boot", subject.bootHash() + " (" + subject.prompts().boot().length() + " characters)");
        fact(h, "accuracy", String.format(Locale.ROOT, "%.1f%% (%d of %s)", 100 * r.accuracy(), r.correct(), ReportText.count(r.calls(), "answer")));
        fact(h, "prompts always right", r.passedCount() + " of " + r.scores().size());
        fact(h, "latency p50 / p90 / p99", String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", l.p50(), l.p90(), l.p99()));
        fact(h, "tokens per call in / out", t.known()
                ? String.format(Locale.ROOT, "%.1f / %.1f (%s counted)", t.inputPerCall(), t.outputPerCall(), ReportText.count(t.counted(), "call"))
                : "not reported by the backend");
        fact(h, "wall time", String.format(Locale.ROOT, "%.2f s", r.seconds()));
        h.append("</table>\n");
    }

    private static void heatMap(StringBuilder h, Report<Transitions> r) {
        List<String> states = r.subject().prompts().machine().states();
        List<String> symbols = r.subject().prompts().machine().symbols();
        int w = LABEL_W + CELL_W * symbols.size();
        int height = HEAD_H + CELL_H * states.size() + 40;
        h.append("<svg class=\"heat\" width=\"").append(w).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(height).append("\" role=\"img\" aria-label=\"accuracy heat map\">\n");
        for (int c = 0; c < symbols.size(); c++) {
            h.append("<text class=\"head\" x=\"").append(LABEL_W + CELL_W * c + CELL_W / 2).append("\" y=\"16\">read ")
                    .append(esc(symbols.get(c))).append("</text>\n");
        }
        for (int row = 0; row < states.size(); row++) {
            String state = states.get(row);
            int y = HEAD_H + CELL_H * row;
            h.append("<text class=\"state\" x=\"").append(LABEL_W - 8).append("\" y=\"").append(y + CELL_H / 2 + 5).append("\">")
                    .append(esc(state)).append("</text>\n");
            for (int c = 0; c < symbols.size(); c++) cell(h, Transitions.score(r, state, symbols.get(c)), state, symbols.get(c), LABEL_W + CELL_W * c, y);
        }
        legend(h, HEAD_H + CELL_H * states.size() + 12, w);
        h.append("</svg>\n");
    }

    private static void cell(StringBuilder h, Score s, String state, String symbol, int x, int y) {
        String fill = s == null ? "#ddd" : colour(s.accuracy());
        String acc = s == null ? "" : String.format(Locale.ROOT, "%.3f", s.accuracy());
        h.append("<g><rect class=\"cell\" data-state=\"").append(esc(state)).append("\" data-symbol=\"").append(esc(symbol))
                .append("\" data-accuracy=\"").append(acc).append("\" x=\"").append(x).append("\" y=\"").append(y)
                .append("\" width=\"").append(CELL_W - 2).append("\" height=\"").append(CELL_H - 2).append("\" fill=\"").append(fill).append("\">");
        h.append("<title>").append(esc(state)).append(" reading ").append(esc(symbol)).append(": ")
                .append(s == null ? "no prompt" : s.correct() + " of " + s.samples() + " correct").append("</title></rect>");
        if (s != null) {
            h.append("<text class=\"pct\" x=\"").append(x + CELL_W / 2 - 1).append("\" y=\"").append(y + CELL_H / 2 + 4).append("\">")
                    .append(String.format(Locale.ROOT, "%.0f%%", Math.floor(100 * s.accuracy()))).append("</text>");
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

    private static void table(StringBuilder h, Report<Transitions> r) {
        h.append("<table class=\"scores\">\n<tr><th>prompt</th><th>correct</th><th>accuracy</th><th>unparseable</th>")
                .append("<th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>tokens in / out per call</th></tr>\n");
        for (Score s : r.scores()) {
            row(h, s.passed() ? "" : " class=\"fail\"", s.name(), s.correct(), s.samples(), s.count(Transitions.UNPARSEABLE), s.latencies(), s.tokens());
        }
        row(h, " class=\"total\"", "all " + r.scores().size(), r.correct(), r.calls(), r.count(Transitions.UNPARSEABLE), r.latencies(), r.tokens());
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String cls, String name, int correct, int samples, int unparseable, Latencies l, Tokens t) {
        h.append("<tr").append(cls).append("><td>").append(esc(name)).append("</td><td>").append(correct).append(" / ").append(samples)
                .append(String.format(Locale.ROOT, "</td><td>%.1f%%</td><td>", samples == 0 ? 0.0 : 100.0 * correct / samples))
                .append(unparseable)
                .append(String.format(Locale.ROOT, "</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>", l.p50(), l.p90(), l.p99()))
                .append(ReportText.tokens(t))
                .append("</td></tr>\n");
    }

    private static void wrongAnswers(StringBuilder h, Report<Transitions> r) {
        List<Score> failing = r.failing();
        if (failing.isEmpty()) {
            h.append("<p class=\"ok\">Every answer was correct.</p>\n");
            return;
        }
        h.append("<h2>Wrong answers</h2>\n<table class=\"wrong\">\n<tr><th>prompt</th><th>times</th><th>answer</th><th>what was wrong</th></tr>\n");
        for (Score s : failing) {
            for (Score.WrongAnswer w : s.wrongAnswers()) {
                h.append("<tr><td>").append(esc(s.name())).append("</td><td>").append(w.count()).append("</td><td>").append(answer(w))
                        .append("</td><td>").append(esc(w.problem())).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static void repairRounds(StringBuilder h, Repair.Result<Transitions> repair) {
        ReportHtml.repairSummary(h, repair, "Every answer was correct");
        h.append("<table class=\"rounds\">\n<tr><th>round</th><th>demonstrations added</th><th>accuracy</th><th>prompts always right</th><th>still failing</th><th>boot</th></tr>\n");
        for (Repair.Round<Transitions> round : repair.rounds()) {
            Report<Transitions> b = round.report();
            h.append("<tr><td>").append(round.round()).append("</td><td>").append(esc(round.added().isEmpty() ? "-" : String.join(", ", round.added())))
                    .append(String.format(Locale.ROOT, "</td><td>%.1f%%</td><td>", 100 * b.accuracy()))
                    .append(b.passedCount()).append(" of ").append(b.scores().size()).append("</td><td>")
                    .append(esc(b.failing().isEmpty() ? "-" : String.join(", ", b.failing().stream().map(Score::name).toList())))
                    .append("</td><td>").append(b.subject().bootHash()).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }
}
