package dev.mnemos.poem.sim;

import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.ask.Reply;
import dev.mnemos.poem.data.Example;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated model with a known order bias, for evaluation without an LLM: with probability
 * {@code pLast} it answers with the label of the example placed last, otherwise with the label
 * most examples carry (ties: the one shown first). The draw is a seeded hash of the prompt, so one
 * prompt always gets one answer. A stand-in for an LLM when comparing estimators, not a model of
 * language.
 *
 * <p>As an {@link Asker} it runs in process and hashes the query and the ordered examples. The
 * rule itself, {@link #hash} and {@link #answer}, also serves poem's WireMock test model, which
 * hashes the HTTP request body instead.
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
        List<String> labels = new ArrayList<>(orderedExamples.size());
        for (Example e : orderedExamples) {
            prompt.append('\n').append(e.input()).append('\t').append(e.output());
            labels.add(e.output());
        }
        return Reply.of(answer(labels, hash(prompt.toString())));
    }

    /**
     * The label answered for a prompt whose examples carry {@code labels} (in the order shown) and
     * whose text hashes to {@code hash}: "unknown" when there are no examples; the last label when
     * the hash's top 53 bits, as a fraction of one, fall below {@code pLast}; else the majority label.
     */
    public String answer(List<String> labels, long hash) {
        if (labels.isEmpty()) {
            return "unknown";
        }
        double u = (hash >>> 11) * 0x1.0p-53;
        return u < pLast ? labels.get(labels.size() - 1) : majority(labels);
    }

    /** The label most of {@code labels} carry; ties go to the one that comes first. */
    static String majority(List<String> labels) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String l : labels) {
            counts.merge(l, 1, Integer::sum);
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** The prompt's hash: FNV-1a over its UTF-8 bytes, seeded, then SplitMix64's finaliser. */
    public long hash(String text) {
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
