package dev.mnemos.poem.tune;

import dev.mnemos.poem.memory.ReadSettings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link ReadTuner} found: each candidate read's cross-validated score, the best fixed
 * order's, and the read chosen (the highest score; ties go to the candidate listed first).
 *
 * @param queries    training queries held out in turn (those tried with two or more orders)
 * @param states     distinct training queries stored
 * @param episodes   episodes tuned on
 * @param candidates every read tried, with its mean reward over the held-out queries
 * @param bestFixed  the best fixed order's mean reward, chosen without the held-out query (NaN when nothing was tuned)
 * @param chosen     the read with the highest score; null when there was nothing to tune on
 */
public record TuningReport(int queries, int states, int episodes, List<Candidate> candidates, double bestFixed, ReadSettings chosen) {

    /** A read and its mean reward over the held-out queries. */
    public record Candidate(ReadSettings settings, double score) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %.3f", settings, score);
        }
    }

    public TuningReport {
        candidates = List.copyOf(candidates);
    }

    /** Whether there was anything to tune on (two stored queries, one of them tried with two orders). */
    public boolean tuned() {
        return chosen != null;
    }

    public Optional<Candidate> candidate(ReadSettings settings) {
        return candidates.stream().filter(c -> c.settings().equals(settings)).findFirst();
    }

    public double chosenScore() {
        return candidate(chosen).map(Candidate::score).orElse(Double.NaN);
    }

    /** A table: one line per candidate, then the best fixed order and the choice. */
    public String table() {
        StringBuilder out = new StringBuilder();
        if (!tuned()) {
            return out.append(String.format(Locale.ROOT, "read settings not tuned: %,d stored %s, %,d of them tried with two or more orders%n",
                    states, states == 1 ? "query" : "queries", queries)).toString();
        }
        out.append(String.format(Locale.ROOT, "read settings by leave-one-query-out cross-validation on %,d training queries (%,d episodes)%n",
                queries, episodes));
        out.append(String.format(Locale.ROOT, "%5s  %-10s  %-9s  %8s   %s%n", "k", "weighting", "aggregate", "CV score", "vs best fixed"));
        for (Candidate c : candidates) {
            ReadSettings s = c.settings();
            out.append(String.format(Locale.ROOT, "%5d  %-10s  %-9s  %8.3f   %+.3f%s%n", s.k(), lower(s.weighting()), lower(s.aggregate()),
                    c.score(), c.score() - bestFixed, s.equals(chosen) ? "   <- chosen" : ""));
        }
        out.append(String.format(Locale.ROOT, "best fixed order (chosen without the held-out query): %.3f%n", bestFixed));
        out.append(String.format(Locale.ROOT, "chosen: %s (CV %.3f)%n", chosen, chosenScore()));
        return out.toString();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
