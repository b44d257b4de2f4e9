package dev.mnemos.cli.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's fault table ("## Faults: what is promised") names the test of each promise: every
 * test it names is a test class of the repository, and every method it names (or starts, with
 * {@code ...}) is a method of that class, so a renamed or removed test cannot leave a promise
 * that nothing checks.
 */
class FaultTableTest {

    private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]*Test)(?:\\.([A-Za-z0-9]+)(\\.\\.\\.)?)?`");

    @Test
    void everyTestTheFaultTableNamesExists() throws IOException {
        Map<String, String> sources = testSources();
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String row : faultTable()) {
            Matcher m = NAMED.matcher(lastColumn(row));
            while (m.find()) {
                named++;
                String source = sources.get(m.group(1));
                if (source == null) missing.add(m.group(0) + ": no such test class");
                else if (m.group(2) != null && !declares(source, m.group(2), m.group(3) != null)) missing.add(m.group(0) + ": no such test");
            }
        }
        assertTrue(named > 50, "the table names its tests: " + named);
        assertEquals(List.of(), missing);
    }

    @Test
    void aMisspeltTestIsFound() {
        String source = "class T {\n    @Test\n    void aRunStoppedOnAMismatchSaysSo() {}\n}";
        assertTrue(declares(source, "aRunStoppedOnAMismatchSaysSo", false));
        assertTrue(declares(source, "aRunStoppedOnAMismatch", true), "a name ending in ... is the start of one");
        assertTrue(!declares(source, "aRunStoppedOnAMismatch", false), "without ... the whole name");
        assertTrue(!declares(source, "aRunStopedOnAMismatch", true));
    }

    static boolean declares(String source, String method, boolean prefix) {
        return Pattern.compile("void " + method + (prefix ? "[A-Za-z0-9]*" : "") + "\\(").matcher(source).find();
    }

    /** The table's rows (lines starting with {@code |} after the heading, until the next heading). */
    static List<String> faultTable() throws IOException {
        List<String> rows = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(ReadmeRunner.ROOT.resolve("README.md"))) {
            if (line.startsWith("## ")) in = line.equals("## Faults: what is promised");
            else if (in && line.startsWith("| ") && !line.startsWith("| fault |")) rows.add(line);
        }
        assertTrue(rows.size() > 20, "the README has its fault table: " + rows.size() + " rows");
        return rows;
    }

    private static String lastColumn(String row) {
        String trimmed = row.strip();
        trimmed = trimmed.substring(0, trimmed.length() - 1);
        return trimmed.substring(trimmed.lastIndexOf(" | ") + 3);
    }

    /** Every test class's source, by class name, from each module's src/test/java (target/ and .git/ not entered). */
    private static Map<String, String> testSources() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        Files.walkFileTree(ReadmeRunner.ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return name.equals("target") || name.equals(".git") || name.equals("node_modules") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                String name = f.getFileName().toString();
                if (name.endsWith("Test.java") && f.toString().replace('\\', '/').contains("/src/test/java/")) {
                    sources.put(name.substring(0, name.length() - ".java".length()), Files.readString(f));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return sources;
    }
}
