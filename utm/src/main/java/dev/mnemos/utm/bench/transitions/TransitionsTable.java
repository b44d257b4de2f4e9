package dev.mnemos.utm.bench.transitions;

import dev.mnemos.utm.bench.Latencies;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.ReportText;
import dev.mnemos.utm.bench.Score;
import dev.mnemos.utm.bench.Tokens;

import java.util.List;
import java.util.Locale;

/** A bench of transitions as a plain-text table for the terminal: one row per distinct prompt, then the totals and the wrong answers. */
public final class TransitionsTable {

    private TransitionsTable() {}

    public static String render(Report<Transitions> r) {
        Transitions subject = r.subject();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s on %s: %s per prompt, %s parsing, %d calls in %.2f s (boot %s)%n",
                r.model().describe(), subject.prompts().machine().name(), ReportText.count(r.settings().samples(), "answer"),
                subject.mode().name().toLowerCase(Locale.ROOT), r.calls(), r.seconds(), subject.bootHash()));
        out.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %9s %9s  %s%n",
                "prompt", "correct", "accuracy", "p50 ms", "p90 ms", "p99 ms", "tokens in/out per call"));
        for (Score s : r.scores()) row(out, s.name(), s.correct(), s.samples(), s.latencies(), s.tokens());
        row(out, "all " + r.scores().size(), r.correct(), r.calls(), r.latencies(), r.tokens());
        List<Score> failing = r.failing();
        if (failing.isEmpty()) {
            out.append("every answer was correct\n");
            return out.toString();
        }
        out.append(failing.size()).append(" of ").append(r.scores().size()).append(" prompts had wrong answers: ");
        out.append(String.join(", ", failing.stream().map(s -> s.name() + " (" + s.correct() + "/" + s.samples() + ")").toList())).append('\n');
        for (Score s : failing) {
            for (Score.WrongAnswer w : s.wrongAnswers()) {
                out.append("  ").append(s.name()).append(": ").append(w.count()).append(" x ").append(ReportText.quote(w.raw(), 100, false))
                        .append(": ").append(w.problem()).append('\n');
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, int correct, int samples, Latencies l, Tokens tokens) {
        out.append(String.format(Locale.ROOT, "%-10s %9s %8.1f%% %9.1f %9.1f %9.1f  %s%n",
                name, correct + "/" + samples, samples == 0 ? 0.0 : 100.0 * correct / samples, l.p50(), l.p90(), l.p99(), ReportText.tokens(tokens)));
    }
}
