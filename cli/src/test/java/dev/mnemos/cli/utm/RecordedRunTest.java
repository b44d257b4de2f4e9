package dev.mnemos.cli.utm;

import dev.mnemos.runtime.memory.MemoryFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a run writes stays what it was when it was recorded, byte for byte, however the cycle is
 * made faster: the worked example's trace (with every prompt sent, so the model calls too) and
 * its prompt cache, recorded with the code as it was before the speed work of issue 21
 * (resources {@code recorded/}: the cache whole, the trace as its first lines and the SHA-256
 * of all 11,850, each latencyMs set to 0, the one figure that is the clock's).
 */
class RecordedRunTest {

    static final String RECORDED = "recorded/worked-example";

    @TempDir
    Path dir;

    @Test
    void theWorkedExampleWritesTheRecordedTraceAndCacheByteForByte() throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Path cache = dir.resolve("run.cache");
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--trace", trace.toString(), "--trace-prompts", "--cache", cache.toString());
        assertEquals(0, o.code(), o.err());

        assertEquals(resource(".cache"), Files.readString(cache), "the prompt cache");
        List<String> lines = Files.readAllLines(trace).stream()
                .map(l -> l.replaceAll("\"latencyMs\":[0-9.eE+-]+", "\"latencyMs\":0")).toList();
        assertEquals(resource(".trace-head.jsonl").lines().toList(), lines.subList(0, 8), "the trace's first lines");
        String[] recorded = resource(".trace.sha256").trim().split(" ");
        assertEquals(Integer.parseInt(recorded[1]), lines.size(), "cycles in the trace");
        assertEquals(recorded[0], sha256(String.join("\n", lines) + "\n"), "the whole trace, every prompt in it");
    }

    @Test
    void writeMemoryWritesTheInitialMemoryAndRunsNothing() throws Exception {
        Path file = dir.resolve("worked.json");
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--write-memory", file.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.out());
        assertEquals("utm-run: initial memory written to " + file + "\n", o.err());
        var memory = MemoryFile.load(file);
        assertEquals(105L, memory.get("i"), "the head where the bi-tag compiler puts it");
        assertTrue(memory.read("op").startsWith("@[boot]result = "), "op holds state A's text");
        assertEquals(memory.read("A"), memory.read("op"));
        String firstPrompt = resource(".trace-head.jsonl").lines().findFirst().orElseThrow();
        assertTrue(firstPrompt.contains("\"head\":105,"), "the run that was recorded started there too");
    }

    static String resource(String suffix) throws IOException {
        try (InputStream in = RecordedRunTest.class.getResourceAsStream(RECORDED + suffix)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
