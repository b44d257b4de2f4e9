package dev.mnemos.cli.nam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.train.Checkpoint;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.mnemos.cli.JavaProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nam train} stops as every command does ({@code cli.Signals}): a real process sent SIGINT,
 * SIGTERM or SIGHUP saves its checkpoint at the step it stopped at, says where, exits with the
 * signal's code, and the run goes on from there with --resume.
 */
class NamTrainSignalsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143", "HUP, 129"})
    void aSignalSavesTheCheckpointItNamesAndTheRunGoesOnFromThere(String signal, int code) throws Exception {
        Path ckpt = dir.resolve("r.ckpt");
        Process p = start("train", "--task", "reverse", "--model", "lsam", "--n", "2", "--batch", "2", "--steps", "1000000",
                "--checkpoint", ckpt.toString(), "--checkpoint-every", "0.2", "--out", dir.resolve("r.model").toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(ckpt) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(p.isAlive(), "training was still going: " + Files.readString(dir.resolve("err.txt")));
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());

        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process ended");
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(code, p.exitValue(), err);
        Matcher m = Pattern.compile("stopped at step (\\d+); checkpoint in " + Pattern.quote(ckpt.toString())
                + " \\(go on with --resume --checkpoint " + Pattern.quote(ckpt.toString()) + "\\)").matcher(err);
        assertTrue(m.find(), err);
        long steps = Long.parseLong(m.group(1));
        assertEquals(steps, Checkpoint.load(ckpt).trainer().steps(), "the checkpoint holds the step named");

        NamRun resumed = NamRun.of("train", "--resume", "--checkpoint", ckpt.toString(), "--steps", Long.toString(steps + 2),
                "--out", dir.resolve("r.model").toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains(": " + (steps + 2) + " steps"), resumed.out());
    }

    private Process start(String... args) throws Exception {
        List<String> cmd = JavaProcess.command(NamCommand.class, List.of(args));
        return new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
    }
}
