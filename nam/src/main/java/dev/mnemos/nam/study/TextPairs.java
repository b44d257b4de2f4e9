package dev.mnemos.nam.study;

import dev.mnemos.nam.memory.TextEncoder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Keys and values for the capacity study as sentence embeddings of generated texts, e.g. key
 * "the old key of Maria" and value "a green lamp in Lisbon". Such embeddings are far from
 * orthogonal (texts from one template share most of their meaning), which is harder for NAM
 * than random unit vectors.
 */
public final class TextPairs implements CapacityStudy.PairSource {

    private static final String[] ADJECTIVES = {"old", "new", "small", "large", "broken", "shiny", "heavy", "wooden",
        "red", "blue", "secret", "spare", "lost", "borrowed", "favourite", "cheap", "antique", "plastic", "silver", "tiny"};
    private static final String[] NOUNS = {"key", "book", "umbrella", "bicycle", "letter", "phone", "guitar", "coat",
        "watch", "camera", "ticket", "lamp", "map", "notebook", "kettle", "ring", "hat", "laptop", "painting", "suitcase"};
    private static final String[] PEOPLE = {"Maria", "Ahmed", "Chen", "Olga", "Kwame", "Lucia", "Hiro", "Fatima",
        "Pierre", "Ingrid", "Ravi", "Sofia", "Tomas", "Amara", "Jonas", "Mei", "Diego", "Anya", "Samir", "Grace"};
    private static final String[] COLOURS = {"green", "yellow", "purple", "black", "white", "orange", "grey", "pink",
        "brown", "golden"};
    private static final String[] THINGS = {"box", "drawer", "shelf", "basket", "cupboard", "bag", "chest", "jar",
        "envelope", "crate"};
    private static final String[] CITIES = {"Lisbon", "Nairobi", "Osaka", "Lima", "Oslo", "Cairo", "Hanoi", "Quebec",
        "Tbilisi", "Perth", "Bogota", "Vienna", "Accra", "Delhi", "Seoul", "Dublin", "Havana", "Riga", "Tunis", "Quito"};

    private final TextEncoder encoder;

    public TextPairs(TextEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public float[][][] pairs(int n, Random random) {
        List<String> keys = distinct(n, random, () -> "the " + pick(ADJECTIVES, random) + " " + pick(NOUNS, random)
                + " of " + pick(PEOPLE, random));
        List<String> values = distinct(n, random, () -> "a " + pick(COLOURS, random) + " " + pick(THINGS, random)
                + " in " + pick(CITIES, random));
        return new float[][][] {embed(keys), embed(values)};
    }

    private float[][] embed(List<String> texts) {
        return encoder.encodeAll(texts).toArray(new float[0][]);
    }

    private static List<String> distinct(int n, Random random, java.util.function.Supplier<String> next) {
        Set<String> out = new LinkedHashSet<>();
        for (int tries = 0; out.size() < n; tries++) {
            if (tries > 100 * n + 1000) {
                throw new IllegalArgumentException("cannot generate " + n + " distinct texts");
            }
            out.add(next.get());
        }
        return new ArrayList<>(out);
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }
}
