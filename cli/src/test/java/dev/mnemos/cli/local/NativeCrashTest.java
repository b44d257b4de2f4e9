package dev.mnemos.cli.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnemos.cli.utm.UtmRun;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash in native code (as in llama.cpp) kills the JVM with no chance to clean up: the trace and
 * checkpoint written so far must be whole, and --resume must finish the run, verified.
 */
class NativeCrashTest {

    @TempDir
    Path dir;

    @Test
    void aRunKilledByANativeFaultKeepsItsTraceAndCheckpointAndResumes() throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Path checkpoint = dir.resolve("run.ckpt.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:ErrorFile=" + dir.resolve("hs_err.log"), "-XX:-CreateCoredumpOnCrash",
                "-cp", System.getProperty("java.class.path"), UtmRun.class.getName(),
                "--backend", "crash", "--model", "m", "--trace", trace.toString(), "--checkpoint", checkpoint.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("CRASH_AFTER", "3000");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ended");
        assertNotEquals(0, p.exitValue());
        assertTrue(Files.readString(dir.resolve("hs_err.log")).contains("SIGSEGV"), "it died of a native fault");

        List<String> lines = Files.readAllLines(trace);
        assertEquals(3000, lines.size(), "one whole line per completed cycle");
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) assertEquals(i, json.readTree(lines.get(i)).get("step").asInt());
        long saved = new CheckpointStore(checkpoint).load().progress().cycles();
        assertTrue(saved <= 3000, "the checkpoint loads: " + saved + " cycles");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = UtmRun.run(new String[] {"--backend", "crash", "--model", "m", "--resume", checkpoint.toString(), "--trace", trace.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, said);
        assertEquals("words: e1 a1 -> a1 e2 -> e2 a1\nfinal word: e2 a1\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(said.contains("halted after 11,849 steps") && said.contains("every cycle matched the reference machine"), said);
        assertEquals(11_850, Files.readAllLines(trace).size());
    }
}
