package dev.mnemos.poem.store;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.prompt.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Opening a memory by its location: a path is a file; a URL needs a store that claims it. */
class MemoryStoresTest {

    static final MemorySettings SETTINGS = MemorySettings.of(2, ReadSettings.DEFAULT, 100, "test-encoder", 2);
    static final List<Example> POOL = List.of(new Example("a", "x"), new Example("b", "y"), new Example("c", "x"));

    @Test
    void aPathIsAFileMemoryCreatedWhenAskedSavedAndOpenedAgain(@TempDir Path dir) throws Exception {
        String location = dir.resolve("m.poem").toString();
        assertThrows(NoSuchFileException.class, () -> MemoryStores.open(location));
        try (MemoryStore store = MemoryStores.open(location, StoreOptions.builder().create(SETTINGS).lock(true).build())) {
            assertInstanceOf(FileMemoryStore.class, store);
            assertTrue(store.isEmpty());
            store.describe(Task.simple(List.of("x", "y")), POOL);
            store.estimator().write(new float[] {1, 0}, Permutation.of(2, 1), 1.0);
            store.save();
        }
        try (MemoryStore again = MemoryStores.open(location)) {
            assertEquals(1, again.memory().size());
            assertEquals(SETTINGS, again.settings());
            assertEquals(java.util.Optional.of(POOL), again.pool());
            DataException other = assertThrows(DataException.class, () -> again.describe(Task.simple(List.of()), POOL.subList(0, 2)));
            assertTrue(other.getMessage().contains("trained on another pool (3 examples, 2 now)"), other.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("m.poem.lock")));
    }

    @Test
    void anExistingMemoryOfAnotherEncoderOrMIsRefused(@TempDir Path dir) throws Exception {
        String location = dir.resolve("m.poem").toString();
        try (MemoryStore store = MemoryStores.open(location, StoreOptions.builder().create(SETTINGS).build())) {
            store.describe(Task.simple(List.of()), POOL);
            store.save();
        }
        DataException m = assertThrows(DataException.class, () -> MemoryStores.open(location,
                StoreOptions.builder().create(MemorySettings.of(3, ReadSettings.DEFAULT, 100, "test-encoder", 2)).build()));
        assertEquals(location + ": the memory there was written with encoder test-encoder (2 dimensions) and m = 2;"
                + " this run uses test-encoder (2 dimensions) and m = 3", m.getMessage());
        assertThrows(DataException.class, () -> MemoryStores.open(location, StoreOptions.builder().expect("other", 2, null).build()));
        assertEquals(2, MemoryStores.open(location, StoreOptions.builder().expect("test-encoder", 2, null).build()).settings().m());
    }

    @Test
    void aUrlNoStoreClaimsIsRefusedWithoutItsSecret() {
        MemoryStores.UnknownLocationException e = assertThrows(MemoryStores.UnknownLocationException.class,
                () -> MemoryStores.open("jdbc:mysql://user:s3cret@db/poem?password=s3cret"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().startsWith("jdbc:mysql://db/poem: no memory store on the class path opens this kind of URL"), e.getMessage());
    }
}
