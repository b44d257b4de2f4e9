package dev.mnemos.facts.eval;

import dev.mnemos.facts.Fact;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a {@link FactEditingSet} against a {@link FactSystem}: every fact written, then the edits
 * (the old fact forgotten, the new one written), then the forgets; then every question asked.
 * Times are per operation on the calling thread, with every text embedded before (the encoder's
 * cache answers), so they time the store, not the encoder.
 */
public final class FactBenchmark {

    /**
     * What one system did.
     *
     * @param current share of the facts it should hold answered with their value (edited ones with the new value)
     * @param stale share of the edited facts answered with the old value
     * @param forgotten share of the forgotten facts answered with the forgotten value
     * @param chance share of never-written facts answered with the value they were given (what luck alone scores)
     * @param hops share of chains whose last hop answers the chain's last person, by chain length (2, 3, 4)
     * @param refused forgets the system refused (it said it did not hold the fact)
     */
    public record Result(String system, int facts, double current, double stale, double forgotten, double chance,
            double[] hops, long bytes, double msPerWrite, double msPerForget, double msPerRead, int refused) {

        /** One Markdown table row, in the order of {@link #HEADER}. */
        public String row() {
            return String.format(Locale.ROOT, "| %s | %,d | %.3f | %.3f | %.3f | %.3f | %,d | %.2f / %.2f / %.2f | %.1f MB | %.2f | %.2f | %.2f |",
                    system, facts, current, stale, forgotten, chance, refused, hops[0], hops[1], hops[2], bytes / 1e6,
                    msPerWrite, msPerForget, msPerRead);
        }
    }

    /** The columns of {@link Result#row()}. */
    public static final String HEADER = "| system | facts held | current recall | old value after edit | forgotten recalled | "
            + "chance | forgets refused | hops 2 / 3 / 4 | size | ms / write | ms / forget | ms / read |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|";

    private final FactEditingSet set;

    public FactBenchmark(FactEditingSet set) {
        this.set = set;
    }

    /** Runs the set against {@code system}; {@code progress} hears a line per phase. */
    public Result run(FactSystem system, Consumer<String> progress) {
        long t0 = System.nanoTime();
        for (FactEditingSet.Item i : set.written()) {
            system.write(i.fact());
        }
        long writeNanos = System.nanoTime() - t0;
        progress.accept(system.name() + ": wrote " + set.written().size() + " facts");
        long forgetNanos = 0;
        int refused = 0;
        for (FactEditingSet.Edit e : set.edits()) {
            long t = System.nanoTime();
            refused += system.forget(e.before().fact()) ? 0 : 1;
            long t1 = System.nanoTime();
            system.write(e.after());
            forgetNanos += t1 - t;
            writeNanos += System.nanoTime() - t1;
        }
        for (FactEditingSet.Item i : set.forgotten()) {
            long t = System.nanoTime();
            refused += system.forget(i.fact()) ? 0 : 1;
            forgetNanos += System.nanoTime() - t;
        }
        progress.accept(system.name() + ": edited " + set.edits().size() + ", forgot " + set.forgotten().size());
        return score(system, writeNanos, forgetNanos, refused);
    }

    private Result score(FactSystem system, long writeNanos, long forgetNanos, int refused) {
        Set<Fact> gone = new HashSet<>();
        set.forgotten().forEach(i -> gone.add(i.fact()));
        set.edits().forEach(e -> gone.add(e.before().fact()));
        int right = 0;
        int held = 0;
        long t0 = System.nanoTime();
        int reads = 0;
        for (FactEditingSet.Item i : set.written()) {
            if (!gone.contains(i.fact()) && !i.fact().key().startsWith("the mentor of")) {
                held++;
                right += answers(system, i.question(), i.fact().value()) ? 1 : 0;
                reads++;
            }
        }
        int stale = 0;
        for (FactEditingSet.Edit e : set.edits()) {
            Optional<String> a = system.answer(e.before().question());
            held++;
            right += a.filter(e.after().value()::equals).isPresent() ? 1 : 0;
            stale += a.filter(e.before().fact().value()::equals).isPresent() ? 1 : 0;
            reads++;
        }
        double msPerRead = (System.nanoTime() - t0) / 1e6 / reads;
        return new Result(system.name(), held + chainFacts(), (double) right / held, share(stale, set.edits().size()),
                share(count(system, set.forgotten()), set.forgotten().size()),
                share(count(system, set.neverWritten()), set.neverWritten().size()), hops(system), system.bytes(),
                writeNanos / 1e6 / (set.written().size() + set.edits().size()),
                forgetNanos / 1e6 / Math.max(1, set.edits().size() + set.forgotten().size()), msPerRead, refused);
    }

    private int chainFacts() {
        return set.chains().stream().mapToInt(FactEditingSet.Chain::hops).sum();
    }

    private static boolean answers(FactSystem system, String question, String value) {
        return system.answer(question).filter(value::equals).isPresent();
    }

    private static int count(FactSystem system, List<FactEditingSet.Item> items) {
        int n = 0;
        for (FactEditingSet.Item i : items) {
            n += answers(system, i.question(), i.fact().value()) ? 1 : 0;
        }
        return n;
    }

    /** Per chain length 2, 3, 4: the share of chains whose hops end on the chain's last person. */
    private double[] hops(FactSystem system) {
        int[] right = new int[3];
        int[] total = new int[3];
        for (FactEditingSet.Chain c : set.chains()) {
            String question = c.question();
            String answer = null;
            for (int h = 0; h < c.hops(); h++) {
                answer = system.answer(question).orElse(null);
                if (answer == null) {
                    break;
                }
                question = FactEditingSet.nextHop(answer);
            }
            total[c.hops() - 2]++;
            right[c.hops() - 2] += c.people().get(c.hops()).equals(answer) ? 1 : 0;
        }
        return new double[] {share(right[0], total[0]), share(right[1], total[1]), share(right[2], total[2])};
    }

    private static double share(int n, int of) {
        return of == 0 ? Double.NaN : (double) n / of;
    }
}
