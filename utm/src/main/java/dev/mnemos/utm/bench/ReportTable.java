package dev.mnemos.utm.bench;

import dev.mnemos.io.Printable;

import java.util.List;
import java.util.Locale;

/** The bench as a plain-text table for the terminal: one row per distinct prompt, then the totals and the wrong answers. */
public final class ReportTable {

    private ReportTable() {}

    public static String render(BenchReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s on %s: %d answer%s per prompt, %s parsing, %d calls in %.2f s (boot %s)%n",
                r.subject().describe(), r.machine(), r.settings().samples(), r.settings().samples() == 1 ? "" : "s", r.settings().mode().name().toLowerCase(Locale.ROOT),
                r.calls(), r.seconds(), r.bootHash()));
        out.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %9s %9s  %s%n",
                "prompt", "correct", "accuracy", "p50 ms", "p90 ms", "p99 ms", "tokens in/out per call"));
        for (TransitionScore t : r.transitions()) {
            row(out, t.name(), t.correct(), t.samples(), t.latencies(), t.tokens());
        }
        row(out, "all " + r.transitions().size(), r.correct(), r.calls(), r.latencies(), r.tokens());
        List<TransitionScore> failing = r.failing();
        if (failing.isEmpty()) {
            out.append("every answer was correct\n");
            return out.toString();
        }
        out.append(failing.size()).append(" of ").append(r.transitions().size()).append(" prompts had wrong answers: ");
        out.append(String.join(", ", failing.stream().map(t -> t.name() + " (" + t.correct() + "/" + t.samples() + ")").toList())).append('\n');
        for (TransitionScore t : failing) {
            for (TransitionScore.WrongAnswer w : t.wrongAnswers()) {
                out.append("  ").append(t.name()).append(": ").append(w.count()).append(" x ").append(quote(w.raw()))
                        .append(": ").append(w.problem()).append('\n');
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, int correct, int samples, Latencies l, Tokens tokens) {
        String tok = tokens.known() ? String.format(Locale.ROOT, "%.1f / %.1f", tokens.inputPerCall(), tokens.outputPerCall()) : "-";
        out.append(String.format(Locale.ROOT, "%-10s %9s %8.1f%% %9.1f %9.1f %9.1f  %s%n",
                name, correct + "/" + samples, samples == 0 ? 0.0 : 100.0 * correct / samples, l.p50(), l.p90(), l.p99(), tok));
    }

    /** The raw answer in quotes, cut at 100 characters, made printable ({@link Printable}: line breaks shown as \n, escapes escaped). */
    static String quote(String raw) {
        String shown = raw.length() > 100 ? raw.substring(0, 100) + "..." : raw;
        return "\"" + Printable.of(shown) + "\"";
    }
}
