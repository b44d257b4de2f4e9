package dev.mnemos.cli.poem;

import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.ask.Reply;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.reward.Answers;
import dev.mnemos.runtime.model.ModelException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link Asker} that counts the answers naming none of the task's labels, and keeps a few of them to show. */
final class AnswerWatch implements Asker {

    private static final int SAMPLES = 3;

    private final Asker asker;
    private final List<String> labels;
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong outside = new AtomicLong();
    private final Set<String> samples = new LinkedHashSet<>();

    AnswerWatch(Asker asker, List<String> labels) {
        this.asker = asker;
        this.labels = List.copyOf(labels);
    }

    @Override
    public Reply ask(String query, List<Example> orderedExamples) throws ModelException {
        Reply reply = asker.ask(query, orderedExamples);
        answers.incrementAndGet();
        if (!labels.isEmpty() && Answers.label(reply.text(), labels).isEmpty()) {
            outside.incrementAndGet();
            synchronized (samples) {
                if (samples.size() < SAMPLES) samples.add(preview(reply.text()));
            }
        }
        return reply;
    }

    /** A warning when every answer of the run named none of the labels, else a note when some did; null when none did. */
    String verdict() {
        long n = answers.get(), out = outside.get();
        if (out == 0) return null;
        List<String> shown;
        synchronized (samples) {
            shown = new ArrayList<>(samples);
        }
        String examples = "for example " + String.join(", ", shown.stream().map(s -> "\"" + s + "\"").toList());
        if (out == n) {
            return "warning: all " + n + " answers of this run named none of the labels " + labels + " (" + examples
                    + "): every reward is 0 and the memory learned no order; check --model, --style and the task's instruction";
        }
        return "note: " + out + " of " + n + " answers named none of the labels " + labels + " (" + examples + "); they scored 0";
    }

    private static String preview(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return dev.mnemos.cli.Cli.printable(oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…"); // model output: escaped
    }
}
