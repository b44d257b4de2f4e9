package dev.mnemos.nam.fewshot;

import dev.mnemos.nam.grad.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated labelled text set for few-shot classification: 12 topics, each a set of sentence
 * openings and endings of its own, every text one opening and one ending (36 per topic). The
 * texts of a topic share words, as texts about one thing do; no two topics share an opening or an
 * ending.
 */
public final class TopicTexts {

    /** A text and its topic. */
    public record Text(String text, String label) {
    }

    private record Topic(String name, String[] openings, String[] endings) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic("cooking", new String[] {"The soup", "Grandma's stew", "This pasta sauce", "The bread dough", "Our roast chicken",
                "The vegetable curry"}, new String[] {"needs more salt and a pinch of pepper.", "simmered on the stove for two hours.",
                "tastes better with fresh basil from the garden.", "was burnt at the bottom of the pan.", "goes well with rice and lemon.",
                "came out of the oven golden and crisp."}),
            new Topic("football", new String[] {"The striker", "Our goalkeeper", "The home team", "The referee", "The young midfielder",
                "The club captain"}, new String[] {"scored twice in the second half.", "was shown a red card before half time.",
                "saved a penalty in the last minute.", "trained hard all week for the derby.", "lost the cup final on penalties.",
                "signed a new contract with the club."}),
            new Topic("finance", new String[] {"The central bank", "My savings account", "The stock market", "Our pension fund",
                "The mortgage rate", "The quarterly report"}, new String[] {"raised interest rates by a quarter point.",
                "lost three percent after the earnings news.", "pays less interest than inflation.", "was moved into safer bonds.",
                "showed profits well above the forecast.", "will be fixed for the next five years."}),
            new Topic("weather", new String[] {"The forecast", "A cold front", "The storm", "This morning's fog", "The heatwave",
                "Heavy snow"}, new String[] {"brings rain and strong winds tomorrow.", "closed the mountain roads overnight.",
                "should clear by noon on the coast.", "pushed temperatures above thirty degrees.", "is moving east across the valley.",
                "left puddles on every street."}),
            new Topic("health", new String[] {"The doctor", "My knee injury", "The new vaccine", "The clinic nurse", "Her blood test",
                "The physiotherapist"}, new String[] {"prescribed antibiotics for the infection.", "needs six weeks of rest before running.",
                "protects against the winter flu.", "checked my blood pressure twice.", "showed low iron and vitamin D.",
                "gave me stretches for my back pain."}),
            new Topic("music", new String[] {"The orchestra", "Our band's drummer", "The new album", "The violinist", "The choir",
                "That jazz pianist"}, new String[] {"played Beethoven's ninth to a full hall.", "recorded the song in one take.",
                "went straight to the top of the charts.", "tuned her strings before the concert.", "sang a cappella at the festival.",
                "improvised a solo for ten minutes."}),
            new Topic("computing", new String[] {"The laptop", "Our web server", "The database", "The new compiler", "My phone's app",
                "The backup script"}, new String[] {"crashed after the latest software update.", "needs more memory to run the tests.",
                "lost its index and had to be rebuilt.", "compiles the code twice as fast.", "keeps asking for my password.",
                "copies every file to the cloud at night."}),
            new Topic("gardening", new String[] {"The tomato plants", "Our apple tree", "The rose bushes", "The vegetable patch",
                "The new lawn", "My herb garden"}, new String[] {"need watering every evening in July.", "was pruned back in late winter.",
                "is full of slugs after the rain.", "got a layer of compost and mulch.", "flowers from spring until the first frost.",
                "grows best in the sunny corner by the fence."}),
            new Topic("pets", new String[] {"Our cat", "The neighbour's puppy", "My goldfish", "The old sheepdog", "The rescue rabbit",
                "Our parrot"}, new String[] {"sleeps on the sofa all afternoon.", "chewed through the garden hose.", "needs its tank cleaned every week.",
                "follows me around the house for treats.", "was taken to the vet for its jabs.", "learned to say hello to visitors."}),
            new Topic("travel", new String[] {"Our flight to Lisbon", "The night train", "The hotel in Kyoto", "The ferry to the islands",
                "My passport", "The hostel near the station"}, new String[] {"was delayed by three hours at the gate.",
                "has a view of the mountains from every room.", "needs to be renewed before the trip.", "sails twice a day in summer.",
                "arrived in the capital just after dawn.", "includes breakfast and free city maps."}),
            new Topic("cars", new String[] {"The old estate car", "My new electric car", "The mechanic", "The rear tyre", "The engine",
                "The rental van"}, new String[] {"failed its annual safety inspection.", "charges to eighty percent in half an hour.",
                "replaced the brake pads and the oil.", "went flat on the motorway.", "makes a knocking noise when it is cold.",
                "has a dent in the passenger door."}),
            new Topic("school", new String[] {"The maths teacher", "Our class", "The school library", "The exam results",
                "The headmaster", "My homework"}, new String[] {"set a test on fractions for Friday.", "went on a trip to the science museum.",
                "stays open late during exam season.", "were posted on the notice board.", "spoke to the parents about the new timetable.",
                "took all evening to finish."}));

    private TopicTexts() {
    }

    /** Every topic's name, in order. */
    public static List<String> labels() {
        return TOPICS.stream().map(Topic::name).toList();
    }

    /** Every text of every topic (36 per topic), topic by topic, each topic's texts in a random order from {@code seed}. */
    public static List<Text> all(long seed) {
        Rng rng = new Rng(seed);
        List<Text> out = new ArrayList<>();
        for (Topic topic : TOPICS) {
            List<Text> texts = new ArrayList<>();
            for (String opening : topic.openings()) {
                for (String ending : topic.endings()) {
                    texts.add(new Text(opening + " " + ending, topic.name()));
                }
            }
            for (int i = texts.size() - 1; i > 0; i--) {
                java.util.Collections.swap(texts, i, rng.nextInt(i + 1));
            }
            out.addAll(texts);
        }
        return out;
    }
}
