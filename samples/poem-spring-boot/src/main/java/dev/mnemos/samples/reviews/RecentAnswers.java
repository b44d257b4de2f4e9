package dev.mnemos.samples.reviews;

import dev.mnemos.poem.Selection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The last answers given, by id, until their feedback comes (at most {@code capacity}; the oldest go first). */
final class RecentAnswers {

    record Answer(Selection selection, String label) {}

    private final Map<String, Answer> answers;

    RecentAnswers(int capacity) {
        this.answers = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(String id, Answer answer) {
        answers.put(id, answer);
    }

    synchronized Optional<Answer> take(String id) {
        return Optional.ofNullable(answers.remove(id));
    }
}
