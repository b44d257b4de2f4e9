package dev.mnemos.cli.readme;

import dev.mnemos.cli.readme.ReadmeRunner.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mnemos.cli.utm.UtmRun;
import dev.mnemos.runtime.model.Processors;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** utm/README.md's commands, run as written (see {@link ReadmeRunner}), and the outputs it shows checked. */
class UtmReadmeTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandRunsAndPrintsWhatTheReadmeShows() throws Exception {
        Plan plan = Plan.of()
                .notRun("mvn ", "a build command (the benchmarks jar), not one of ours")
                .notRun("java -jar bench/", "JMH benchmarks: minutes each, run under the benchmark lock (bench/run)")
                // the README's "after:" — a run stopped before its halt, which leaves its checkpoint
                .before("bin/utm-run --model llama2 --resume run.checkpoint.json", "bin/utm-run --model llama2 --trace run.jsonl --max-steps 500", 10)
                // the synopsis below it: bin/utm-verify run.jsonl --bitag samples/bitag/worked-example.json [--json]
                .after("bin/utm-run --model llama2 --bitag samples/bitag/worked-example.json --trace run.jsonl",
                        "bin/utm-verify run.jsonl --bitag samples/bitag/worked-example.json --json", 0)
                .exit("bin/lag-check --rules samples/lag/rules.txt --model llama3.1 --json check.json --html check.html", 11)
                .exit("bin/lag-check --rules samples/lag/rules.txt --model llama3.1", 11)
                .exit("bin/lag-run --machine u15_2 --bitag samples/bitag/worked-example.json --max-steps 20000", 10);
        try (ReadmeRunner runner = new ReadmeRunner(dir)) {
            runner.runAll(Readme.read(ReadmeRunner.ROOT, "utm/README.md"), plan);
            assertTrue(runner.outputsChecked() >= 4, "outputs checked: " + runner.outputsChecked());
        }
        assertSameFiles(ReadmeRunner.ROOT.resolve("prompts/u15_2"), dir.resolve("prompts/u15_2")); // "Regenerate:" does
    }

    /** The utm-run options table ("`bin/utm-run --help` has them all") names every option utm-run has and every backend it can use. */
    @Test
    void utmRunsOptionTableNamesEveryOptionAndBackend() throws Exception {
        String readme = Files.readString(ReadmeRunner.ROOT.resolve("utm/README.md"));
        int start = readme.indexOf("Options (`bin/utm-run --help` has them all):");
        String table = readme.substring(start, readme.indexOf("\n\n", readme.indexOf("\n|", start)));
        List<String> missing = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : new CommandLine(new UtmRun()).getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp()) continue;
            String name = o.longestName().replace("[no-]", "");
            if (!Pattern.compile("`" + Pattern.quote(name) + "[` ]").matcher(table).find()) missing.add(name);
        }
        String cell = table.substring(table.indexOf("`--backend ") + "`--backend ".length(), table.indexOf("` |", table.indexOf("`--backend ")));
        List<String> backends = List.of(cell.replace("\\|", "|").split("\\|"));
        for (String backend : List.of("local", "ollama", "openai", "reference")) { // the main code's; the tests add a "crash" one
            assertTrue(Processors.names().contains(backend), backend);
            if (!backends.contains(backend)) missing.add("--backend " + backend);
        }
        assertEquals(List.of(), missing, table);
    }

    static void assertSameFiles(Path expected, Path written) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(expected)) {
            files = s.sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) assertEquals(Files.readString(f), Files.readString(written.resolve(f.getFileName())), f.toString());
    }
}
