package dev.mnemos.cli.nam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where nam's commands write (issue 19.21): an output in a directory that does not exist is
 * refused with exit code 12 before any work, as utm-run refuses it, and nothing is created; a
 * directory that cannot be written says why.
 */
class NamOutputsTest {

    @TempDir
    Path dir;

    private static NamRun nam(String... args) {
        return NamRun.of(args);
    }

    private String in(String name) {
        return dir.resolve(name).toString();
    }

    private List<String> filesInDir() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anOutputInAMissingDirectoryIsRefusedBeforeAnyWorkAndNothingIsCreated() throws Exception {
        Path jmh = dir.resolve("jmh.csv");
        Files.writeString(jmh, "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\","
                + "\"Param: length\"\n\"dev.mnemos.bench.nam.AttentionBenchmark.nam\",\"avgt\",1,3,2.3,0.6,\"ms/op\",1024\n");
        Path missing = dir.resolve("missing");
        String[] train = {"train", "--task", "copy", "--model", "lstm", "--n", "2", "--steps", "5", "--batch", "1"};
        String[] capacity = {"capacity", "--dimension", "16", "--sizes", "2", "--trials", "1", "--query-cosines", "1"};
        List<Case> cases = List.of(
                new Case(in("missing/c.ckpt"), concat(train, "--checkpoint", in("missing/c.ckpt"), "--out", in("m.model"))),
                new Case(in("missing/m.model"), concat(train, "--checkpoint", in("c.ckpt"), "--out", in("missing/m.model"))),
                new Case(in("missing/c.csv"), concat(capacity, "--csv", in("missing/c.csv"), "--svg", in("c.svg"))),
                new Case(in("missing/c.svg"), concat(capacity, "--csv", in("c.csv"), "--svg", in("missing/c.svg"))),
                new Case(in("missing"), "experiment", "--out", in("missing"), "--steps", "1", "--seeds", "1", "--sequences", "1"),
                new Case(in("missing/s.svg"), "scaling-chart", jmh.toString(), "--svg", in("missing/s.svg")),
                new Case(in("missing/f.csv"), "facts", "--people", "5", "--csv", in("missing/f.csv")),
                new Case(in("missing/f.svg"), "few-shot", "--csv", in("f.csv"), "--svg", in("missing/f.svg")));

        for (Case c : cases) {
            NamRun r = nam(c.args());

            String what = String.join(" ", c.args());
            assertEquals(12, r.code(), what + ": " + r.err());
            assertEquals("nam " + c.args()[0] + ": cannot write " + c.target() + ": " + missing
                    + " does not exist (create it first)", r.err().strip(), what);
            assertFalse(Files.exists(missing), what);
            assertEquals(List.of("jmh.csv"), filesInDir(), what + " wrote something");
        }
    }

    private record Case(String target, String... args) {
    }

    @Test
    void aDirectoryThatCannotBeWrittenSaysWhy() throws Exception {
        NamRun r = nam("capacity", "--dimension", "16", "--sizes", "2", "--trials", "1", "--query-cosines", "1",
                "--csv", "/sys/capacity.csv", "--svg", in("c.svg"));

        assertEquals(12, r.code(), r.err());
        assertEquals("nam capacity: cannot write /sys/capacity.csv: permission denied", r.err().strip());
        assertEquals("", r.out(), "the study did not run");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
