package dev.mnemos.poem.store;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.train.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class AutosaveTest {

    @TempDir Path dir;

    static PoemFile.Contents contents(int dimension, int capacity) {
        EpisodicMemory memory = EpisodicMemory.builder().dimension(dimension).capacity(capacity).build();
        return new PoemFile.Contents(new MemorySettings(3, ReadSettings.DEFAULT, false, capacity, "test-encoder", dimension,
                Permutation.identity(3)), Task.simple(List.of("x", "y")),
                List.of(new Example("a", "x"), new Example("b", "y"), new Example("c", "x"), new Example("d", "y")), memory, new TrainingLog());
    }

    @Test
    void eightThreadsGivingFeedbackWhileItSavesLeaveAFileEqualToTheMemory() throws Exception {
        Path file = dir.resolve("online.poem");
        PoemFile.Contents c = contents(16, 5_000);       // 8,000 writes into 5,000 entries: evictions too
        List<float[]> states = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            float[] s = new float[16];
            for (int j = 0; j < 16; j++) s[j] = (float) random.nextGaussian();
            states.add(s);
        }
        AtomicInteger loadsDuringTheRun = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try (Autosave autosave = Autosave.builder().file(file).contents(c).every(Duration.ofMillis(5))
                .onFailure(e -> fail("a background save failed: " + e)).start()) {
            CountDownLatch go = new CountDownLatch(1);
            java.util.concurrent.CyclicBarrier halfway = new java.util.concurrent.CyclicBarrier(9);
            CountDownLatch savedHalfway = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                writers.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    go.await();
                    for (int i = 0; i < 1_000; i++) {
                        if (i == 500) {                     // one save certainly falls between the writes
                            halfway.await();
                            savedHalfway.await();
                        }
                        c.memory().write(states.get(r.nextInt(states.size())), Permutation.fromIndex(3, r.nextInt(6)), r.nextInt(5) / 4.0);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {   // whoever reads the file meanwhile finds a whole memory
                while (writing.get()) {
                    if (java.nio.file.Files.exists(file)) {
                        PoemFile.load(file);
                        loadsDuringTheRun.incrementAndGet();
                    }
                }
                return null;
            });
            go.countDown();
            halfway.await(1, TimeUnit.MINUTES);
            autosave.saveIfChanged();
            savedHalfway.countDown();
            for (Future<?> f : writers) f.get(2, TimeUnit.MINUTES);
            writing.set(false);
            reader.get(1, TimeUnit.MINUTES);
            assertTrue(autosave.saves() >= 2, "it saved while the writes went on: " + autosave.saves());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(loadsDuringTheRun.get() > 0);
        assertEquals(8_000, c.memory().version(), "every write counted");
        assertSameEpisodes(c.memory().episodes(), PoemFile.load(file).memory().episodes());
    }

    static void assertSameEpisodes(List<Episode> expected, List<Episode> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Episode e = expected.get(i), a = actual.get(i);
            assertArrayEquals(e.state(), a.state(), "episode " + i);
            assertEquals(e.action(), a.action(), "episode " + i);
            assertEquals(e.reward(), a.reward(), "episode " + i);
            assertEquals(e.time(), a.time(), "episode " + i);
        }
    }

    @Test
    void closeSavesWhatTheTimerHasNotAndOnlyWhenSomethingChanged() throws Exception {
        Path file = dir.resolve("m.poem");
        PoemFile.Contents c = contents(4, 100);
        Autosave autosave = Autosave.builder().file(file).contents(c).every(Duration.ofHours(1)).start();
        assertTrue(autosave.saveIfChanged(), "the first save writes the file");
        assertFalse(autosave.saveIfChanged(), "nothing written since");
        c.memory().write(new float[] {1, 0, 0, 0}, Permutation.of(2, 1, 3), 1.0);
        autosave.close();
        assertEquals(1, PoemFile.load(file).memory().size());
        assertEquals(2, autosave.saves());
    }

    @Test
    void whileItRunsTheFileIsLockedAgainstATrainer() throws Exception {
        Path file = dir.resolve("m.poem");
        try (Autosave autosave = Autosave.builder().file(file).contents(contents(4, 100)).start()) {
            MemoryLock.MemoryInUseException e = assertThrows(MemoryLock.MemoryInUseException.class, () -> MemoryLock.acquire(file, "poem train"));
            assertTrue(e.getMessage().startsWith(file + " is in use by an application's autosave, process "), e.getMessage());
        }
        MemoryLock.acquire(file, "poem train").close();
    }

    /** A process killed with SIGKILL in the middle of saves leaves a file that loads: the previous save or the new one. */
    @Test
    void killMinus9MidSaveLeavesTheOldOrTheNewFile() throws Exception {
        Path file = dir.resolve("killed.poem");
        Random random = new Random(11);
        for (int round = 0; round < 2; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Set<Integer> saved = ConcurrentHashMap.newKeySet();
            int previous = java.nio.file.Files.exists(file) ? PoemFile.load(file).memory().size() : -1;
            CountDownLatch twice = new CountDownLatch(2);
            Thread drain = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("saved ")) {
                            saved.add(Integer.parseInt(line.substring(6)));
                            twice.countDown();
                        }
                    }
                } catch (java.io.IOException killed) {
                    // the pipe closes with the process
                }
            });
            drain.start();
            assertTrue(twice.await(2, TimeUnit.MINUTES), "the child saved twice");
            Thread.sleep(random.nextInt(120));              // somewhere in the middle of a later save
            child.destroyForcibly();                        // SIGKILL: no shutdown hook, no finally
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            drain.join(30_000);
            int size = PoemFile.load(file).memory().size();  // never damaged
            int max = saved.stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertTrue(saved.contains(size) || size == max + SaveLoop.STEP || size == previous,
                    "the file holds a whole save (" + size + " entries), the last reported being " + max);
        }
    }
}
