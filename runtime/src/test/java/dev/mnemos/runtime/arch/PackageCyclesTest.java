package dev.mnemos.runtime.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The runtime's packages depend on each other without cycles (cycle ↔ trace and
 * cycle ↔ checkpoint were two): read from the sources, imports and qualified names alike.
 */
class PackageCyclesTest {

    static final Path SOURCES = Path.of("src/main/java");
    static final String ROOT = "dev.mnemos.runtime";
    static final Pattern REFERENCE = Pattern.compile("\\b" + Pattern.quote(ROOT) + "\\.([a-z][a-z0-9_]*)\\.");

    /** package → the runtime packages its sources name. */
    static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
                if (!pkg.startsWith(ROOT + ".")) continue;
                String own = pkg.substring(ROOT.length() + 1);
                Set<String> uses = graph.computeIfAbsent(own, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(f));
                while (m.find()) if (!m.group(1).equals(own)) uses.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** A cycle in the graph as a path (a → b → a), or null. */
    static List<String> findCycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>(); // 1 on the path, 2 done
        for (String start : graph.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = visit(start, graph, state, path);
            if (cycle != null) return cycle;
        }
        return null;
    }

    private static List<String> visit(String pkg, Map<String, Set<String>> graph, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(pkg);
        if (s != null && s == 2) return null;
        path.add(pkg);
        if (s != null && s == 1) return new ArrayList<>(path.subList(path.indexOf(pkg), path.size()));
        state.put(pkg, 1);
        for (String next : graph.getOrDefault(pkg, Set.of())) {
            List<String> cycle = visit(next, graph, state, path);
            if (cycle != null) return cycle;
        }
        state.put(pkg, 2);
        path.remove(path.size() - 1);
        return null;
    }

    @Test
    void theRuntimesPackagesFormNoCycle() {
        Map<String, Set<String>> graph = dependencies();
        assertTrue(graph.keySet().containsAll(List.of("cycle", "model", "cache", "trace", "checkpoint", "memory")), graph.toString());

        List<String> cycle = findCycle(graph);

        assertNull(cycle, () -> "package cycle: " + String.join(" -> ", cycle) + "; dependencies: " + graph);
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertEquals(List.of("a", "b", "c", "a"), findCycle(graph));
        assertNull(findCycle(Map.of("a", Set.of("b"), "b", Set.of())));
    }
}
