package dev.mnemos.cli.nam;

import dev.mnemos.cli.Cli;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NamCommandTest {

    @Test
    void anExperimentOfOneRunOnOneThreadSaysRunAndThread(@TempDir Path dir) {
        NamRun r = NamRun.of("experiment", "--tasks", "copy", "--models", "lstm", "--seeds", "1", "--n", "2", "--steps", "1",
                "--batch", "1", "--sequences", "1", "--threads", "1", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(" s, 1 run on 1 thread; files in "), r.out());
    }

    @Test
    void capacityWritesTheTableAndTheChart(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("c.csv");
        Path svg = dir.resolve("c.svg");
        int code = run(new StringWriter(), "capacity", "--dimension", "16", "--sizes", "2,40", "--trials", "1",
                "--query-cosines", "1", "--csv", csv.toString(), "--svg", svg.toString());

        assertEquals(0, code);
        assertEquals(3, Files.readAllLines(csv).size());
        assertTrue(Files.readString(svg).startsWith("<svg"));
    }

    @Test
    void capacityWritesTheTrackedDocsOnlyWhenTheyAreNamed() {
        for (String[] args : new String[][] {{}, {"--data", "minilm"}, {"--data", "minilm", "--centre"}}) {
            CapacityCommand command = new CapacityCommand();
            new CommandLine(command).parseArgs(args);
            for (Path out : command.outputs()) {
                assertFalse(out.toString().startsWith("nam/docs"), String.join(" ", args) + " writes " + out);
            }
        }
        CapacityCommand minilm = new CapacityCommand();
        new CommandLine(minilm).parseArgs("--data", "minilm");
        assertEquals(List.of(Path.of("capacity-minilm.csv"), Path.of("capacity-minilm.svg")), minilm.outputs());
    }

    @Test
    void noCommandWritesIntoTheSourceTreeByDefault() {
        ExperimentCommand experiment = new ExperimentCommand();
        new CommandLine(experiment).parseArgs();
        assertEquals(Path.of("."), experiment.out);
        ScalingChartCommand chart = new ScalingChartCommand();
        new CommandLine(chart).parseArgs("jmh.csv");
        assertEquals(Path.of("attention-scaling.svg"), chart.svg);
    }

    @Test
    void theHelpSaysWhereOutputsGo() {
        CommandLine nam = Cli.commandLine(new NamCommand());
        String help = nam.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(help.contains("Outputs go to the current directory unless an option names a file or folder"), help);
        for (CommandLine sub : nam.getSubcommands().values()) {
            String text = sub.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertFalse(text.contains("Default: nam/docs"), sub.getCommandName() + ": " + text);
        }
        assertFalse(help.contains("nam/docs/."), help);
    }

    @Test
    void aBadValueGetsOneLineAndExitCodeTwo(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = run(err, "capacity", "--sizes", "0", "--csv", dir.resolve("c.csv").toString());

        assertEquals(2, code);
        assertEquals("nam capacity: size n = 0 must be positive", err.toString().strip());
    }

    @Test
    void aMalformedDataFileGetsOneLineAndExitCodeThree(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("bad.jsonl");
        Files.writeString(data, "{\"input\": \"a\", \"output\": \"x\", \"split\": \"train\"}\nnot json\n");
        Files.writeString(dir.resolve("bad.task.json"), "{\"labels\": [\"x\"]}");
        StringWriter err = new StringWriter();
        int code = run(err, "poem-compare", "--data", data.toString());

        assertEquals(3, code);
        assertEquals("nam poem-compare: " + data + ":2:1: Unrecognized token 'not': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", err.toString().strip());
    }

    @Test
    void aMissingDataFileGetsExitCodeThree(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = run(err, "poem-compare", "--data", dir.resolve("none.jsonl").toString());

        assertEquals(3, code);
        assertEquals("nam poem-compare: " + dir.resolve("none.jsonl") + ": no such file", err.toString().strip());
    }

    @Test
    void anOutputThatCannotBeWrittenGetsExitCodeTwelveNamingIt(@TempDir Path dir) throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "not a directory\n");
        Path csv = notADirectory.resolve("c.csv");
        StringWriter err = new StringWriter();
        int code = run(err, "capacity", "--dimension", "16", "--sizes", "2", "--trials", "1", "--query-cosines", "1",
                "--csv", csv.toString(), "--svg", dir.resolve("c.svg").toString());

        assertEquals(12, code);
        assertTrue(err.toString().strip().equals("nam capacity: cannot write " + csv + ": " + notADirectory + " is not a directory"), err.toString());
    }

    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void aBugGetsOneLineAndTheInternalErrorCode() {
        CommandLine cmd = Cli.commandLine(new NamCommand()).addSubcommand(new Boom());
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("boom");

        assertEquals(70, code);
        assertEquals("nam boom: internal error: java.lang.IllegalStateException: a bug", err.toString().strip());
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cmd = Cli.commandLine(new NamCommand());
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        return cmd.execute(args);
    }

    @Test
    void poemCompareSpellsItsOptionsAsPoemDoes() {
        var spec = Cli.commandLine(new NamCommand()).getSubcommands().get("poem-compare").getCommandSpec();
        for (String name : new String[] {"--k", "--m", "--orders"}) {
            assertTrue(spec.findOption(name) != null, name);
        }
        for (String name : new String[] {"-k", "-m", "-T"}) {
            assertEquals(null, spec.findOption(name), name);
        }
    }
}
