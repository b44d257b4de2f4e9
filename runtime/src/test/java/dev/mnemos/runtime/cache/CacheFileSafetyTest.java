package dev.mnemos.runtime.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A cache file shared by processes, or cut by a crash, keeps every whole line. */
class CacheFileSafetyTest {

    @TempDir
    Path dir;

    @Test
    void aLastLineCutInsideAUtf8CharacterLosesThatLineOnly() throws Exception {
        Path f = dir.resolve("cache.jsonl");
        try (PromptCache c = PromptCache.open(f)) {
            c.put("fp", "p1", "a1");
            c.put("fp", "p2", "réponse");
        }
        byte[] bytes = Files.readAllBytes(f);
        int cut = indexOf(bytes, "é".getBytes(StandardCharsets.UTF_8)) + 1; // between the two bytes of é
        Files.write(f, Arrays.copyOf(bytes, cut));

        try (PromptCache c = PromptCache.open(f)) {
            assertEquals(1, c.size());
            assertEquals("a1", c.get("fp", "p1"));
            c.put("fp", "p3", "a3");
        }
        try (PromptCache c = PromptCache.open(f)) {
            assertEquals(2, c.size(), "the cut line went before the new one was appended");
            assertEquals("a3", c.get("fp", "p3"));
        }
    }

    @Test
    void aWholeLineThatIsNotUtf8IsReportedWithItsLine() throws Exception {
        Path f = dir.resolve("cache.jsonl");
        Files.write(f, new byte[] {'{', '"', (byte) 0xE9, '"', '}', '\n', '{', '}', '\n'});
        PromptCache.CacheFileException e = assertThrows(PromptCache.CacheFileException.class, () -> PromptCache.open(f));
        assertTrue(e.getMessage().startsWith(f + ":1: "), e.getMessage());
    }

    @Test
    void twoProcessesAppendingMegabytePromptsNeverInterleaveLines() throws Exception {
        Path f = dir.resolve("shared.jsonl");
        Process a = writer(f, "a");
        Process b = writer(f, "b");
        assertTrue(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS), "writers finished");
        assertEquals(0, a.exitValue(), new String(a.getErrorStream().readAllBytes()));
        assertEquals(0, b.exitValue(), new String(b.getErrorStream().readAllBytes()));

        try (PromptCache c = PromptCache.open(f)) {
            assertEquals(8, c.size());
            assertEquals("b answer 3", c.get("fp", "b3 " + "é".repeat(500_000)));
        }
    }

    private static Process writer(Path file, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CacheWriter.class.getName(), file.toString(), name, "4", "1000000");
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
