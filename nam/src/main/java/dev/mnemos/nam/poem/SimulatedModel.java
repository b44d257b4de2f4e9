package dev.mnemos.nam.poem;

import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.ask.Reply;
import dev.mnemos.poem.data.Example;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated model with a known order bias, in process: with probability {@code pLast} it answers
 * with the label of the example placed last, otherwise with the label most examples carry (ties:
 * the one shown first). The draw is a seeded hash of the query and the ordered examples, so one
 * prompt always gets one answer. The same rule as poem's WireMock-backed test model, without the
 * HTTP round trip: a stand-in for an LLM when comparing estimators, not a model of language.
 */
public final class SimulatedModel implements Asker {

    private final double pLast;
    private final long seed;

    public SimulatedModel(double pLast, long seed) {
        if (!(pLast >= 0 && pLast <= 1)) {
            throw new IllegalArgumentException("pLast = " + pLast + " is not a probability in [0, 1]");
        }
        this.pLast = pLast;
        this.seed = seed;
    }

    @Override
    public Reply ask(String query, List<Example> orderedExamples) {
        if (orderedExamples.isEmpty()) {
            return Reply.of("unknown");
        }
        StringBuilder prompt = new StringBuilder(query);
        for (Example e : orderedExamples) {
            prompt.append('\n').append(e.input()).append('\t').append(e.output());
        }
        double u = (hash(prompt.toString()) >>> 11) * 0x1.0p-53;
        return Reply.of(u < pLast ? orderedExamples.get(orderedExamples.size() - 1).output() : majority(orderedExamples));
    }

    static String majority(List<Example> examples) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Example e : examples) {
            counts.merge(e.output(), 1, Integer::sum);
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** FNV-1a over the bytes, seeded, then SplitMix64's finaliser. */
    private long hash(String text) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
