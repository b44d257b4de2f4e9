package dev.mnemos.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCyclesTest {

    @TempDir
    Path sources;

    private void source(String pkg, String name, String body) throws Exception {
        Path dir = sources.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".java"), "package " + pkg + ";\n" + body);
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertEquals(List.of("a", "b", "c", "a"), PackageCycles.findCycle(graph));
        assertNull(PackageCycles.findCycle(Map.of("a", Set.of("b"), "b", Set.of())));
    }

    @Test
    void importsQualifiedNamesSubpackagesAndTheRootPackageCount() throws Exception {
        source("x.y.a", "A", "import x.y.b.B;\nclass A { x.y.c.deep.C c; }\n");
        source("x.y.b", "B", "class B { x.y.Main m; }\n");
        source("x.y.c.deep", "C", "class C {}\n");
        source("x.y", "Main", "class Main { String s = \"x.y.a.A\"; }\n");

        Map<String, Set<String>> graph = PackageCycles.dependencies(sources, "x.y");

        assertEquals(Map.of("a", Set.of("b", "c"), "b", Set.of(PackageCycles.ROOT), "c", Set.of(),
                PackageCycles.ROOT, Set.of("a")), graph);
        AssertionError e = assertThrows(AssertionError.class, () -> PackageCycles.assertNone(sources, "x.y", List.of("a")));
        assertTrue(e.getMessage().startsWith("package cycle: (root) -> a -> b -> (root)"), e.getMessage());
        PackageCycles.assertNoneAmongSubpackages(sources, "x.y", List.of("a", "b", "c"));
        source("x.y.c.deep", "C", "class C { x.y.a.A a; }\n");
        AssertionError among = assertThrows(AssertionError.class,
                () -> PackageCycles.assertNoneAmongSubpackages(sources, "x.y", List.of("a")));
        assertTrue(among.getMessage().startsWith("package cycle: a -> c -> a"), among.getMessage());
    }

    @Test
    void commentsDoNotCountButCodeAfterThemDoes() throws Exception {
        source("x.y.a", "A", "/** used by {@link x.y.b.B} */\nclass A { // x.y.b.B too\n String s = \"// not a comment\"; }\n");
        source("x.y.b", "B", "/* x.y.a.A */ class B { x.y.a.A a; }\n");

        PackageCycles.assertNone(sources, "x.y", List.of("a", "b"));
        assertEquals(Set.of("a"), PackageCycles.dependencies(sources, "x.y").get("b"));
    }

    @Test
    void aGraphWithoutTheExpectedPackagesFails() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> PackageCycles.assertNone(sources, "x.y", List.of("model")));
        assertTrue(e.getMessage().startsWith("expected packages [model] under x.y"), e.getMessage());
    }
}
