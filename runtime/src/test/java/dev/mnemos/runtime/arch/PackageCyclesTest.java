package dev.mnemos.runtime.arch;

import dev.mnemos.testkit.PackageCycles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The runtime's packages depend on each other without cycles (cycle ↔ trace and
 * cycle ↔ checkpoint were two): read from the sources, imports and qualified names alike, by the
 * check every module shares (testkit's {@link PackageCycles}).
 */
class PackageCyclesTest {

    @Test
    void theRuntimesPackagesFormNoCycle() {
        PackageCycles.assertNone(Path.of("src/main/java"), "dev.mnemos.runtime",
                List.of("cycle", "model", "cache", "trace", "checkpoint", "memory"));
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertEquals(List.of("a", "b", "c", "a"), PackageCycles.findCycle(graph));
        assertNull(PackageCycles.findCycle(Map.of("a", Set.of("b"), "b", Set.of())));
    }
}
