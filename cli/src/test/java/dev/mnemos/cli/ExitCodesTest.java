package dev.mnemos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.cli.nam.NamCommand;
import dev.mnemos.cli.poem.PoemCommand;
import dev.mnemos.cli.run.MnemosCommand;
import dev.mnemos.cli.utm.LagCheck;
import dev.mnemos.cli.utm.LagRunCommand;
import dev.mnemos.cli.utm.UtmBench;
import dev.mnemos.cli.utm.UtmRun;
import dev.mnemos.cli.utm.UtmVerify;
import dev.mnemos.io.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The exit codes: one table from a failure's kind to its code, and every help and the README list them from it. */
class ExitCodesTest {

    /** Every command a launcher in bin/ starts. */
    static List<CommandLine> roots() {
        List<CommandLine> roots = new ArrayList<>();
        for (Object c : new Object[] {new MnemosCommand(), new PoemCommand(), new NamCommand(), new UtmRun(), new UtmVerify(),
                new UtmBench()}) {
            roots.add(Cli.commandLine(c));
        }
        roots.add(dev.mnemos.cli.utm.LagHelp.commandLine(new LagCheck()));
        roots.add(dev.mnemos.cli.utm.LagHelp.commandLine(new LagRunCommand()));
        return roots;
    }

    /** The commands of the tree under {@code cl}, itself first; help commands left out. */
    static List<CommandLine> commands(CommandLine cl) {
        List<CommandLine> all = new ArrayList<>(List.of(cl));
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().helpCommand()) all.addAll(commands(sub));
        }
        return all;
    }

    @Test
    void everyCommandsHelpListsExactlyTheCodesTheTableGivesIt() {
        int leaves = 0;
        for (CommandLine root : roots()) {
            for (CommandLine cl : commands(root)) {
                String name = cl.getCommandSpec().qualifiedName();
                String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
                assertEquals(1, help.split("Exit codes", -1).length - 1, name + ": one list of exit codes, the table's: " + help);
                Map<Integer, String> expected = new LinkedHashMap<>();
                for (CommandLine c : commands(cl)) { // a group: every code its commands give, each with its plain meaning
                    ExitCodes.of(c.getCommandSpec().qualifiedName()).keySet().forEach(code -> expected.put(code.code(), code.meaning()));
                }
                ExitCodes.of(name).forEach((code, meaning) -> expected.put(code.code(), meaning));
                assertEquals(sorted(expected), listed(help), name);
                if (cl.getSubcommands().isEmpty()) leaves++;
            }
        }
        assertTrue(leaves >= 20, "every command was looked at: " + leaves);
    }

    @Test
    void aCommandGivesZeroUsageAndTheSignalsCodesAndWhatItSaysMore() {
        Map<ExitCode, String> verify = ExitCodes.of("utm-verify");
        assertEquals(EnumSet.of(ExitCode.OK, ExitCode.USAGE, ExitCode.BAD_INPUT, ExitCode.LIMIT, ExitCode.CHECK_FAILED,
                ExitCode.INTERNAL, ExitCode.INTERRUPTED, ExitCode.TERMINATED), verify.keySet());
        assertTrue(verify.get(ExitCode.LIMIT).contains("--partial accepts it"), verify.get(ExitCode.LIMIT));
        assertEquals("database unreachable", ExitCodes.of("poem select").get(ExitCode.DATABASE_UNREACHABLE));
    }

    @Test
    void everyKindOfFaultHasItsOwnCode() {
        Map<ExitCode, Fault.Kind> seen = new EnumMap<>(ExitCode.class);
        for (Fault.Kind kind : Fault.Kind.values()) {
            ExitCode code = ExitCode.of(kind);
            assertNotNull(code, kind.name());
            assertEquals(null, seen.put(code, kind), code + " stands for one kind");
        }
    }

    @Test
    void theReadmesTableHasEveryCodeEachRowStartingWithItsMeaning() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("### Exit codes"), readme.indexOf("## Faults"));
        Map<Integer, String> rows = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\| (.*) \\|$").matcher(table);
        while (m.find()) rows.put(Integer.parseInt(m.group(1)), m.group(2));
        List<Integer> codes = List.of(ExitCode.values()).stream().map(ExitCode::code).toList();
        assertEquals(codes, List.copyOf(rows.keySet()), "the README's rows, in order");
        for (ExitCode c : ExitCode.values()) {
            assertTrue(rows.get(c.code()).startsWith(c.meaning()), c.code() + ": '" + rows.get(c.code()) + "' starts with '" + c.meaning() + "'");
        }
    }

    private static Map<Integer, String> sorted(Map<Integer, String> codes) {
        return codes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** The help's "Exit codes:" list: each code with its meaning, its wrapped lines joined. */
    private static Map<Integer, String> listed(String help) {
        Map<Integer, String> listed = new LinkedHashMap<>();
        String section = help.substring(help.indexOf("Exit codes:") + "Exit codes:".length()).strip().split("\\R\\R", 2)[0];
        Integer last = null;
        for (String line : section.split("\\R")) {
            Matcher m = Pattern.compile("^\\s*(\\d+)\\s{2,}(.*)$").matcher(line);
            if (m.matches()) {
                last = Integer.parseInt(m.group(1));
                listed.put(last, m.group(2).strip());
            } else {
                listed.put(last, listed.get(last) + " " + line.strip());
            }
        }
        return listed;
    }
}
