package dev.mnemos.poem.postgres;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.reward.ExactMatch;
import dev.mnemos.poem.sim.SimulatedModel;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.train.Trainer;
import dev.mnemos.poem.train.TrainingResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One training process of {@link SharedTrainingTest}: trains queries FROM..TO-1 of a 60-example
 * pool into a shared memory, asking a simulated model that takes MILLIS per call. Prints
 * "trained N skipped S" at the end.
 *
 * <pre>java ... TrainWorker URL WRITER FROM TO MILLIS</pre>
 */
public final class TrainWorker {

    static final int M = 3;
    static final int ORDERS = 6; // all 3! orders

    static List<Example> pool() {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) out.add(new Example("query number " + i, i % 3 == 0 ? "yes" : "no"));
        return out;
    }

    static MemorySettings settings(Encoder encoder) {
        return new MemorySettings(M, dev.mnemos.poem.memory.ReadSettings.DEFAULT.withK(5), false, 100_000, encoder.id(), encoder.dimension(), Permutation.identity(M));
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int from = Integer.parseInt(args[2]);
        int to = Integer.parseInt(args[3]);
        long millis = Long.parseLong(args[4]);
        Encoder encoder = HashEmbedding.encoder();
        List<Example> examples = pool();
        try (PostgresMemory memory = PostgresMemory.builder().url(url).settings(settings(encoder)).writer(args[1]).open()) {
            Poem poem = Poem.builder().pool(ExamplePool.of(examples, encoder)).encoder(encoder).estimator(memory).m(M).build();
            SimulatedModel model = new SimulatedModel(0.9, 1);
            Asker slow = (query, ordered) -> {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return model.ask(query, ordered);
            };
            TrainingResult result = Trainer.builder().poem(poem).asker(slow).reward(new ExactMatch(List.of("yes", "no")))
                    .orders(ORDERS).concurrency(2).log(memory.log())
                    .checkpoint(memory::flush, Duration.ofMillis(100)).build()
                    .train(examples.subList(from, to));
            System.out.println("trained " + result.trained() + " skipped " + result.skipped());
        }
    }
}
