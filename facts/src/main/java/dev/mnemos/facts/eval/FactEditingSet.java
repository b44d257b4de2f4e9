package dev.mnemos.facts.eval;

import dev.mnemos.facts.Fact;
import dev.mnemos.nam.grad.Rng;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A generated fact-editing set: people (invented names) with four facts each (city, employer, pet,
 * instrument), asked about in other words than the facts are written in; chains of mentors, 2 to 4
 * hops long; and the edits the benchmark makes: a share of the facts replaced by another value, a
 * share forgotten. People never written give the chance level (a fact never written, answered
 * with the value it was given).
 *
 * <pre>{@code
 * FactEditingSet set = FactEditingSet.generate(7, 750, 100, 0.1, 0.1);   // 3,000 facts, 100 chains
 * }</pre>
 */
public final class FactEditingSet {

    static final String[] FIRST = ("Ada Ben Cara Dan Eva Finn Gia Hugo Ida Jon Kai Lea Max Nia Omar Pia Quin Rosa Sam Tara "
            + "Uma Vic Wen Xia Yara Zed Alba Bo Cleo Dario Elif Femi Gus Hana Ines Jae Kofi Lina Milo Noor Otto Perla Raj Sol "
            + "Tomas Una Vera Wim Yuki Zora").split(" ");
    static final String[] LAST = ("Moss Ortiz Lind Park Quade Rossi Silva Tanaka Ueda Vance Weiss Xu Young Zhou Abbott "
            + "Brandt Costa Duarte Eklund Fischer Garza Horvat Ivanov Jensen Kowal Laine Marsh Novak Okafor Pereira Quist Reyes "
            + "Sato Toth Ulrich Varga Wolfe Yilmaz Zeller Bauer").split(" ");

    /** A relation: how its facts are keyed, how it is asked about, and the values it takes. */
    record Relation(String key, String question, List<String> values) {
        Fact fact(String person, String value) {
            return Fact.of(key.formatted(person), value);
        }

        String ask(String person) {
            return question.formatted(person);
        }
    }

    static final List<Relation> RELATIONS = List.of(
            new Relation("%s lives in", "Which city does %s live in?", List.of(("Lisbon Oslo Lima Cairo Perth Quito Riga "
                    + "Seoul Tunis Vienna Warsaw Zagreb Dakar Hanoi Kyoto Lagos Milan Nairobi Porto Sofia Tallinn Utrecht Bergen "
                    + "Cusco Dublin Essen Faro Ghent Haifa Izmir").split(" "))),
            new Relation("%s works for", "Who does %s work for?", List.of("Orion Labs", "Blue Harbor", "Kestrel Works",
                    "Nimbus Foods", "Atlas Motors", "Cobalt Bank", "Juniper Health", "Vertex Mining", "Lumen Media",
                    "Pioneer Rail", "Sable Textiles", "Tidal Energy", "Granite Build", "Willow Books", "Falcon Air",
                    "Maple Dairy")),
            new Relation("%s has a pet", "What pet does %s have?", List.of("cat dog parrot rabbit turtle hamster goldfish "
                    .concat("ferret lizard canary").split(" "))),
            new Relation("%s plays the", "Which instrument does %s play?", List.of("violin cello piano flute trumpet guitar "
                    .concat("drums harp oboe clarinet").split(" "))));

    static final Relation MENTOR = new Relation("the mentor of %s is", "Who is the mentor of %s?", List.of());

    /** A fact with the question that asks for it. */
    public record Item(Fact fact, String question) {
    }

    /** An edit: the fact as first written, then as it is after. */
    public record Edit(Item before, Fact after) {
    }

    /** A chain of mentors: the question about its first person, the people in order (the last is the answer after hops). */
    public record Chain(String question, List<String> people) {
        public int hops() {
            return people.size() - 1;
        }
    }

    private final List<Item> written;
    private final List<Edit> edits;
    private final List<Item> forgotten;
    private final List<Item> neverWritten;
    private final List<Chain> chains;

    private FactEditingSet(List<Item> written, List<Edit> edits, List<Item> forgotten, List<Item> neverWritten,
            List<Chain> chains) {
        this.written = written;
        this.edits = edits;
        this.forgotten = forgotten;
        this.neverWritten = neverWritten;
        this.chains = chains;
    }

    /**
     * A set of {@code people} people with four facts each, {@code chains} mentor chains (2, 3 and 4 hops
     * in turn, of other people), a share {@code edited} of the people's facts edited and a share
     * {@code forgotten} forgotten (disjoint), and as many never-written facts as forgotten ones.
     */
    public static FactEditingSet generate(long seed, int people, int chains, double edited, double forgotten) {
        int needed = people + 5 * chains + people / 4 + 1;
        if (needed > FIRST.length * LAST.length) {
            throw new IllegalArgumentException(people + " people and " + chains + " chains need " + needed + " names, there are "
                    + FIRST.length * LAST.length);
        }
        Rng rng = new Rng(seed);
        List<String> names = names(rng, needed);
        List<Item> facts = new ArrayList<>();
        for (String person : names.subList(0, people)) {
            for (Relation r : RELATIONS) {
                facts.add(new Item(r.fact(person, pick(rng, r.values())), r.ask(person)));
            }
        }
        shuffle(facts, rng);
        int nEdits = (int) Math.round(edited * facts.size());
        int nForgets = (int) Math.round(forgotten * facts.size());
        List<Edit> edits = new ArrayList<>();
        for (Item item : facts.subList(0, nEdits)) {
            Relation r = relationOf(item.fact());
            String value;
            do {
                value = pick(rng, r.values());
            } while (value.equals(item.fact().value()));
            edits.add(new Edit(item, Fact.of(item.fact().key(), value)));
        }
        List<Item> forgets = List.copyOf(facts.subList(nEdits, nEdits + nForgets));
        List<Chain> chainList = new ArrayList<>();
        List<Item> chainFacts = chains(names.subList(people, people + 5 * chains), chains, chainList);
        List<Item> all = new ArrayList<>(facts);
        all.addAll(chainFacts);
        shuffle(all, rng);
        List<Item> never = new ArrayList<>();
        List<String> strangers = names.subList(people + 5 * chains, names.size());
        for (int i = 0; i < nForgets; i++) {
            Relation r = RELATIONS.get(i % RELATIONS.size());
            String person = strangers.get(i % strangers.size());
            never.add(new Item(r.fact(person, pick(rng, r.values())), r.ask(person)));
        }
        return new FactEditingSet(List.copyOf(all), List.copyOf(edits), forgets, List.copyOf(never), List.copyOf(chainList));
    }

    private static List<Item> chains(List<String> people, int count, List<Chain> out) {
        List<Item> facts = new ArrayList<>();
        int at = 0;
        for (int c = 0; c < count; c++) {
            int hops = 2 + c % 3;
            List<String> chain = people.subList(at, at + hops + 1);
            at += hops + 1;
            for (int i = 0; i < hops; i++) {
                facts.add(new Item(MENTOR.fact(chain.get(i), chain.get(i + 1)), MENTOR.ask(chain.get(i))));
            }
            out.add(new Chain(MENTOR.ask(chain.get(0)), List.copyOf(chain)));
        }
        return facts;
    }

    /** The question a hop asks about the answer of the hop before. */
    public static String nextHop(String person) {
        return MENTOR.ask(person);
    }

    private static Relation relationOf(Fact fact) {
        for (Relation r : RELATIONS) {
            String prefix = r.key().substring(0, r.key().indexOf("%s"));
            String suffix = r.key().substring(r.key().indexOf("%s") + 2);
            if (fact.key().startsWith(prefix) && fact.key().endsWith(suffix)) {
                return r;
            }
        }
        throw new IllegalStateException("no relation for " + fact);
    }

    private static List<String> names(Rng rng, int n) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < n) {
            names.add(FIRST[rng.nextInt(FIRST.length)] + " " + LAST[rng.nextInt(LAST.length)]);
        }
        return List.copyOf(names);
    }

    private static String pick(Rng rng, List<String> values) {
        return values.get(rng.nextInt(values.size()));
    }

    private static <T> void shuffle(List<T> list, Rng rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rng.nextInt(i + 1));
        }
    }

    /** Every fact written first, people's and chains', in the order they are written. */
    public List<Item> written() {
        return written;
    }

    public List<Edit> edits() {
        return edits;
    }

    public List<Item> forgotten() {
        return forgotten;
    }

    /** Facts of people never written: the chance level of answering a fact's value without holding it. */
    public List<Item> neverWritten() {
        return neverWritten;
    }

    public List<Chain> chains() {
        return chains;
    }

    /** Every text the benchmark embeds (keys, values, questions), to embed once before timing. */
    public List<String> texts() {
        Set<String> texts = new LinkedHashSet<>();
        for (Item i : written) {
            texts.add(i.fact().key());
            texts.add(i.fact().value());
            texts.add(i.question());
        }
        for (Edit e : edits) {
            texts.add(e.after().value());
        }
        for (Item i : neverWritten) {
            texts.add(i.question());
        }
        for (Chain c : chains) {
            for (String p : c.people()) {
                texts.add(nextHop(p));
            }
        }
        return List.copyOf(texts);
    }
}
