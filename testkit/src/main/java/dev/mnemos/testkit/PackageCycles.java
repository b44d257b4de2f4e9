package dev.mnemos.testkit;

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

/**
 * Whether a module's packages depend on each other in a cycle, read from its sources: a package
 * depends on another when its code names it (an import or a qualified name, {@code root.pkg.} or
 * {@code root.Class} for the root package itself). A package's subpackages count as the package.
 * Comments do not count: a Javadoc link to a user of a class is documentation, not a dependency.
 * Every module's {@code PackageCyclesTest} runs {@link #assertNone}.
 *
 * <pre>{@code
 * PackageCycles.assertNone(Path.of("src/main/java"), "dev.mnemos.nam", List.of("train", "store"));
 * }</pre>
 */
public final class PackageCycles {

    /** The name of the root package itself in the graph. */
    public static final String ROOT = "(root)";

    private PackageCycles() {
    }

    /**
     * Fails with an {@link AssertionError} naming the cycle and the whole graph when the packages
     * under {@code root} in {@code sources} form one, or when the graph lacks one of
     * {@code expected} (so that a wrong path or root cannot pass by finding nothing).
     */
    public static void assertNone(Path sources, String root, List<String> expected) {
        check(dependencies(sources, root), sources, root, expected);
    }

    /**
     * As {@link #assertNone}, with the classes of the root package itself left out of the graph
     * (the definition runtime's check had first): for a module whose root package is known to
     * depend on its subpackages both ways, so that the cycles among the subpackages are still found.
     */
    public static void assertNoneAmongSubpackages(Path sources, String root, List<String> expected) {
        Map<String, Set<String>> graph = dependencies(sources, root);
        graph.remove(ROOT);
        graph.values().forEach(uses -> uses.remove(ROOT));
        check(graph, sources, root, expected);
    }

    private static void check(Map<String, Set<String>> graph, Path sources, String root, List<String> expected) {
        if (!graph.keySet().containsAll(expected)) {
            throw new AssertionError("expected packages " + expected + " under " + root + " in " + sources + ", found " + graph.keySet());
        }
        List<String> cycle = findCycle(graph);
        if (cycle != null) {
            throw new AssertionError("package cycle: " + String.join(" -> ", cycle) + "; dependencies: " + graph);
        }
    }

    /** package (first segment under {@code root}, or {@link #ROOT}) → the packages under root its code names. */
    public static Map<String, Set<String>> dependencies(Path sources, String root) {
        Pattern reference = Pattern.compile("\\b" + Pattern.quote(root) + "\\.(?:([a-z][a-z0-9_]*)\\.|[A-Z])");
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String pkg = sources.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), ".");
                String own = owner(pkg, root);
                if (own == null) {
                    continue;
                }
                Set<String> uses = graph.computeIfAbsent(own, k -> new TreeSet<>());
                Matcher m = reference.matcher(withoutComments(Files.readString(f)));
                while (m.find()) {
                    String used = m.group(1) != null ? m.group(1) : ROOT;
                    if (!used.equals(own)) {
                        uses.add(used);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** The top package under root a package belongs to, {@link #ROOT}, or null outside root. */
    private static String owner(String pkg, String root) {
        if (pkg.equals(root)) {
            return ROOT;
        }
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /**
     * Java source with its comments blanked out (line and block comments; string, text-block and
     * character literals are kept as they are, so that a "//" inside one is not taken for a comment).
     */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = literalEnd(source, i, c);
                out.append(source, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the string or character literal that opens at {@code start}. */
    private static int literalEnd(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote && s.charAt(i) != '\n') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(s.length(), i + 1);
    }

    /** A cycle in the graph as a path (a → b → a), or null. */
    public static List<String> findCycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>(); // 1 on the path, 2 done
        for (String start : graph.keySet()) {
            List<String> cycle = visit(start, graph, state, new ArrayList<>());
            if (cycle != null) {
                return cycle;
            }
        }
        return null;
    }

    private static List<String> visit(String pkg, Map<String, Set<String>> graph, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(pkg);
        if (s != null && s == 2) {
            return null;
        }
        path.add(pkg);
        if (s != null && s == 1) {
            return new ArrayList<>(path.subList(path.indexOf(pkg), path.size()));
        }
        state.put(pkg, 1);
        for (String next : graph.getOrDefault(pkg, Set.of())) {
            List<String> cycle = visit(next, graph, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        state.put(pkg, 2);
        path.remove(path.size() - 1);
        return null;
    }
}
