package dev.mnemos.poem.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Labelled examples split into a training part (the pool, and the training queries) and a held-out part. */
public record Dataset(List<Example> train, List<Example> test) {

    public Dataset {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /** Splits examples at random (seeded, so the split is the same every run): a share {@code ratio} goes to train. */
    public static Dataset split(List<Example> examples, double ratio, long seed) {
        if (!(ratio > 0 && ratio < 1)) throw new DataException("split ratio must be between 0 and 1, got " + ratio);
        List<Example> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(seed));
        int cut = (int) Math.round(shuffled.size() * ratio);
        return new Dataset(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()));
    }

    /** Labels in order of first appearance, training part first. */
    public List<String> labels() {
        Set<String> labels = new LinkedHashSet<>();
        train.forEach(e -> labels.add(e.output()));
        test.forEach(e -> labels.add(e.output()));
        return List.copyOf(labels);
    }

    /** This data set with at most this many examples in each part (the first ones). */
    public Dataset limit(int trainCount, int testCount) {
        return new Dataset(train.subList(0, Math.min(trainCount, train.size())),
                test.subList(0, Math.min(testCount, test.size())));
    }
}
