package dev.mnemos.cli.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/architecture.md describes the modules as the poms make them: its diagram has one arrow per
 * compile-scope dependency between our modules that no other path implies, and its table has a
 * row for every module.
 */
class ArchitecturePageTest {

    private static final Path PAGE = ReadmeRunner.ROOT.resolve("docs/architecture.md");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern MANAGED = Pattern.compile("<dependencyManagement>.*?</dependencyManagement>", Pattern.DOTALL);
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern OURS = Pattern.compile("<artifactId>mnemos-([a-z0-9-]+)</artifactId>");
    private static final Pattern ARROW = Pattern.compile("^\\s+([a-z0-9-]+) --> ([a-z0-9-]+)\\s*$", Pattern.MULTILINE);

    @Test
    void theDiagramHasTheArrowsThePomsMake() throws IOException {
        Map<String, Set<String>> poms = reduced(modulesAndDependencies());
        Map<String, Set<String>> page = arrows(Files.readString(PAGE));
        poms.values().removeIf(Set::isEmpty);
        assertEquals(poms, page, "docs/architecture.md's diagram against the poms (module -> what it uses, "
                + "arrows that another path implies left out): update the diagram and the table");
    }

    @Test
    void everyModuleHasARowInTheTable() throws IOException {
        String page = Files.readString(PAGE);
        for (String module : modulesAndDependencies().keySet()) {
            assertTrue(page.contains("| `" + module + "` |") || module.equals("testkit") && page.contains("`testkit`"),
                    "docs/architecture.md has no row for " + module);
        }
    }

    @Test
    void anArrowThatAnotherPathImpliesIsLeftOut() {
        Map<String, Set<String>> uses = new TreeMap<>(Map.of("cli", Set.of("utm", "runtime"), "utm", Set.of("runtime"),
                "runtime", Set.of()));
        assertEquals(Map.of("cli", Set.of("utm"), "utm", Set.of("runtime"), "runtime", Set.of()), reduced(uses));
    }

    /**
     * Every module of the parent pom, named by its artifact without {@code mnemos-} (a module in a
     * folder such as samples/ too), with the modules it uses at compile or runtime scope.
     */
    static Map<String, Set<String>> modulesAndDependencies() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher modules = MODULE.matcher(Files.readString(ReadmeRunner.ROOT.resolve("pom.xml")));
        while (modules.find()) {
            String pom = MANAGED.matcher(Files.readString(ReadmeRunner.ROOT.resolve(modules.group(1)).resolve("pom.xml"))).replaceAll("");
            Matcher own = OURS.matcher(pom.substring(pom.indexOf("</parent>")));
            assertTrue(own.find(), modules.group(1) + "/pom.xml: no mnemos- artifact");
            Set<String> uses = new TreeSet<>();
            Matcher d = DEPENDENCY.matcher(pom.substring(Math.max(0, pom.indexOf("<dependencies>"))));
            while (d.find()) {
                Matcher ours = OURS.matcher(d.group(1));
                boolean notShipped = d.group(1).contains("<scope>test</scope>") || d.group(1).contains("<scope>provided</scope>");
                if (ours.find() && !notShipped) uses.add(ours.group(1));
            }
            out.put(own.group(1), uses);
        }
        return out;
    }

    /** Drops each arrow a -> b where b is reached from a through another of a's arrows. */
    static Map<String, Set<String>> reduced(Map<String, Set<String>> uses) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (var e : uses.entrySet()) {
            Set<String> kept = new TreeSet<>(e.getValue());
            for (String b : e.getValue()) {
                for (String other : e.getValue()) {
                    if (!other.equals(b) && reaches(uses, other, b, new HashSet<>())) kept.remove(b);
                }
            }
            out.put(e.getKey(), kept);
        }
        return out;
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
        if (!seen.add(from)) return false;
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (next.equals(to) || reaches(uses, next, to, seen)) return true;
        }
        return false;
    }

    private static Map<String, Set<String>> arrows(String page) {
        int start = page.indexOf("```mermaid");
        String diagram = page.substring(start, page.indexOf("```", start + 3));
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher m = ARROW.matcher(diagram);
        while (m.find()) {
            out.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
        }
        return out;
    }
}
