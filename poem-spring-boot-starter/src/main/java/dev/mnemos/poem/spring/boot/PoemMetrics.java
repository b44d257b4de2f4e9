package dev.mnemos.poem.spring.boot;

import dev.mnemos.poem.Selection;
import dev.mnemos.poem.store.MemoryStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * POEM's meters, bound to the application's registry by Spring Boot (Actuator):
 * <ul>
 *   <li>{@code poem.selections} (counter, tag {@code basis}: {@code learned}, {@code no_similar_query},
 *       {@code rewards_all_equal}): the advisor's selections, and how their order was chosen;</li>
 *   <li>{@code poem.feedback} (distribution summary): each feedback's reward (its count is the
 *       number of feedbacks, its total their sum);</li>
 *   <li>{@code poem.read} (timer): the memory's read for a query (the k nearest states and the best order);</li>
 *   <li>{@code poem.memory.episodes} (gauge): entries the memory holds.</li>
 * </ul>
 */
public class PoemMetrics implements MeterBinder, PoemListener {

    private final MemoryStore store;
    private volatile Map<Selection.Basis, Counter> selections = Map.of();
    private volatile DistributionSummary feedback;
    private volatile Timer read;

    public PoemMetrics(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Map<Selection.Basis, Counter> counters = new EnumMap<>(Selection.Basis.class);
        for (Selection.Basis basis : Selection.Basis.values()) {
            counters.put(basis, Counter.builder("poem.selections").tag("basis", basis.name().toLowerCase(Locale.ROOT))
                    .description("POEM's selections of examples, by how their order was chosen").register(registry));
        }
        selections = counters;
        feedback = DistributionSummary.builder("poem.feedback").description("Rewards of the feedback written to POEM's memory")
                .register(registry);
        read = Timer.builder("poem.read").description("Reads of POEM's memory (nearest states, best order)").register(registry);
        Gauge.builder("poem.memory.episodes", store, s -> s.memory().size()).description("Entries in POEM's memory")
                .register(registry);
    }

    @Override
    public void selected(Selection selection) {
        Counter c = selections.get(selection.basis());
        if (c != null) c.increment();
    }

    @Override
    public void read(long nanos) {
        Timer t = read;
        if (t != null) t.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void feedback(double reward) {
        DistributionSummary f = feedback;
        if (f != null) f.record(reward);
    }
}
