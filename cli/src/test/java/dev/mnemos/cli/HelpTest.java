package dev.mnemos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.cli.nam.NamCommand;
import dev.mnemos.cli.poem.PoemCommand;
import dev.mnemos.cli.run.MnemosCommand;
import dev.mnemos.cli.utm.UtmRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help written for people, in every command: lines broken between words, defaults as typed, groups that say what they hold. */
class HelpTest {

    @Test
    void linesBreakBetweenWordsNeverInsideAUrlAPathOrAnOption() {
        for (CommandLine root : ExitCodesTest.roots()) {
            for (CommandLine cl : ExitCodesTest.commands(root)) {
                String help = help(cl);
                assertEquals(words(unwrapped(cl)), words(help), cl.getCommandSpec().qualifiedName() + ":\n" + help);
            }
        }
        String run = help(ExitCodesTest.commands(Cli.commandLine(new MnemosCommand())).get(1));
        assertTrue(run.contains("http://localhost:8000/v1"), run);
        String models = help(Cli.commandLine(new MnemosCommand()));
        assertTrue(models.contains("~/.cache/mnemos/models"), models);
    }

    @Test
    void everyLineFitsInEightyColumnsUnlessItIsOneWordOrAnExampleToCopy() {
        for (CommandLine root : ExitCodesTest.roots()) {
            String name = root.getCommandSpec().name();
            for (CommandLine cl : ExitCodesTest.commands(root)) {
                for (String line : help(cl).split("\n")) {
                    String text = line.strip();
                    boolean example = text.startsWith(name + " ") || text.startsWith("bin/");
                    assertTrue(line.length() <= 80 || example || !text.contains(" "), cl.getCommandSpec().qualifiedName() + ": " + line);
                }
            }
        }
    }

    @Test
    void noSentenceIsBrokenByHand() {
        List<String> broken = new ArrayList<>();
        for (CommandLine root : ExitCodesTest.roots()) {
            for (CommandLine cl : ExitCodesTest.commands(root)) {
                broken.addAll(brokenParagraphs(cl));
                for (CommandLine.Model.ArgSpec arg : cl.getCommandSpec().args()) {
                    broken.addAll(broken(cl.getCommandSpec().qualifiedName() + " " + arg.paramLabel(), arg.description()));
                }
            }
        }
        assertEquals(List.of(), broken, "line breaks inside sentences");
    }

    /** Lines of the description, header and footer (those not indented) that end inside a sentence. */
    private static List<String> brokenParagraphs(CommandLine cl) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : unwrapped(cl).split("\n")) paragraphs.add(line.isEmpty() || line.charAt(0) == ' ' ? "" : line);
        return broken(cl.getCommandSpec().qualifiedName(), paragraphs.toArray(String[]::new));
    }

    /** Each pair of lines where the first ends without a full stop and the next goes on in lower case. */
    private static List<String> broken(String where, String[] lines) {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i + 1 < lines.length; i++) {
            String a = lines[i];
            String b = lines[i + 1];
            if (!a.isBlank() && !a.matches(".*[.:!?)]$") && !b.isEmpty() && Character.isLowerCase(b.charAt(0))) {
                broken.add(where + ": " + a + " / " + b);
            }
        }
        return broken;
    }

    @Test
    void anEnumDefaultIsShownAsAUserTypesIt() {
        for (CommandLine root : ExitCodesTest.roots()) {
            for (CommandLine cl : ExitCodesTest.commands(root)) {
                String help = help(cl).replaceAll("\\s+", " ");
                for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
                    if (!o.type().isEnum()) continue;
                    for (Object constant : o.type().getEnumConstants()) {
                        String name = ((Enum<?>) constant).name();
                        assertFalse(help.contains("Default: " + name + ".") && !name.equals(name.toLowerCase()),
                                cl.getCommandSpec().qualifiedName() + " " + o.longestName() + ": " + help);
                    }
                }
            }
        }
        String run = help(ExitCodesTest.commands(Cli.commandLine(new MnemosCommand())).get(1)).replaceAll("\\s+", " ");
        assertTrue(run.contains("lenient (the first line that parses). Default: strict."), run);
        assertEquals(0, Cli.execute(new MnemosCommand(), new String[] {"run", "--mode", "strict", "--help"}, quiet(), quiet()));
    }

    /**
     * The bound on an answer and its stop sequences differ from command to command; each help says its
     * own default, as the help a user gets shows it (utm-run's and utm-bench's command lines add
     * theirs), and every command with --max-tokens is among them.
     */
    @Test
    void eachCommandSaysItsOwnDefaultAnswerBoundAndStop() {
        String local = "Default: 256 on the local backend; the server's own bound on ollama and openai.";
        String utmStop = "Default: a newline in completion style, none in chat style.";
        java.util.Map<String, String[]> expected = new java.util.LinkedHashMap<>();
        expected.put("utm-run", new String[] {usage(UtmRun::run), "Default: 64.", utmStop});
        expected.put("utm-bench", new String[] {usage(dev.mnemos.cli.utm.UtmBench::run), "Default: 64.", utmStop});
        expected.put("lag-run", new String[] {usage(dev.mnemos.cli.utm.LagRunCommand::run), "Default: 32.", utmStop});
        expected.put("lag-check", new String[] {usage(dev.mnemos.cli.utm.LagCheck::run), "Default: 32.", utmStop});
        expected.put("mnemos run", new String[] {usage((a, o, e) -> Cli.execute(new MnemosCommand(), a, o, e), "run"), local, "Default: none."});
        expected.put("poem train", new String[] {usage((a, o, e) -> Cli.execute(new PoemCommand(), a, o, e), "train"), local, "Default: none."});
        expected.put("poem eval", new String[] {usage((a, o, e) -> Cli.execute(new PoemCommand(), a, o, e), "eval"), local, "Default: none."});
        for (var e : expected.entrySet()) {
            String help = e.getValue()[0];
            assertTrue(help.contains("--max-tokens=N Bound on the answer's tokens (Ollama num_predict, OpenAI max_tokens). " + e.getValue()[1]),
                    e.getKey() + ": " + help);
            assertTrue(help.contains("--stop=TEXT A stop sequence; repeat for more. Escapes \\n and \\t are understood. " + e.getValue()[2]),
                    e.getKey() + ": " + help);
        }
        Set<String> withMaxTokens = new HashSet<>();
        for (CommandLine root : ExitCodesTest.roots()) {
            for (CommandLine cl : ExitCodesTest.commands(root)) {
                if (cl.getCommandSpec().findOption("--max-tokens") != null) withMaxTokens.add(cl.getCommandSpec().qualifiedName());
            }
        }
        assertEquals(expected.keySet(), withMaxTokens);
    }

    interface Entry {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /** The help {@code entry} prints for {@code --help} after {@code path}, on one line with single spaces. */
    private static String usage(Entry entry, String... path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = java.util.stream.Stream.concat(Arrays.stream(path), java.util.stream.Stream.of("--help")).toArray(String[]::new);
        assertEquals(0, entry.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), quiet()));
        return out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    @Test
    void aCommandThatGroupsOthersRunAloneIsAUsageErrorWithItsHelpOnStandardError() {
        Object[][] groups = {{new MnemosCommand()}, {new PoemCommand()}, {new NamCommand()}, {new MnemosCommand(), "models"}};
        for (Object[] group : groups) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String[] args = Arrays.stream(group).skip(1).toArray(String[]::new);
            int code = Cli.execute(group[0], args, new PrintStream(out, true), new PrintStream(err, true));
            String said = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, code, said);
            assertEquals("", out.toString(StandardCharsets.UTF_8));
            assertTrue(said.matches("(?s)[a-z ]+: give a subcommand \\(.+ or .+\\)\\RUsage: .*Commands:.*"), said);
        }
    }

    @Test
    void aMisspeltOptionSuggestsTheNearestOrNone() {
        CommandLine.Model.CommandSpec run = ExitCodesTest.commands(Cli.commandLine(new MnemosCommand())).get(1).getCommandSpec();
        assertEquals(List.of("--model"), Cli.nearestOptions("--modle", run), "two letters swapped");
        assertEquals(List.of("--mode"), Cli.nearestOptions("--mod", run));
        assertEquals(List.of("--max-steps"), Cli.nearestOptions("--max-step", run));
        assertEquals(List.of(), Cli.nearestOptions("--colour", run));
        CommandLine.Model.CommandSpec utm = Cli.commandLine(new UtmRun()).getCommandSpec();
        assertEquals(List.of(), Cli.nearestOptions("--max", utm), "many options are as near: none is suggested");
    }

    /**
     * An option the help names is one the command has: a shared option's text that speaks of another
     * command's option (utm-run's --cycle-retries once sent readers to a --max-calls it lacks) is
     * wrong there. An option on a line after another command's name (`utm-run --boot`) is that
     * command's, a group's help may name its subcommands' options, and `mnemos models` speaks of
     * the --model and --model-file its models are given with.
     */
    @Test
    void everyOptionAHelpNamesIsOneOfItsCommand() {
        Pattern named = Pattern.compile("(?<![\\w-])--(?:\\[no-\\])?([a-z][a-z0-9-]*)");
        Pattern another = Pattern.compile("\\b(utm-run|utm-bench|utm-verify|lag-run|lag-check|mnemos [a-z]+|poem [a-z]+|nam [a-z-]+)\\b");
        Set<String> runOptions = Set.of("--model", "--model-file");
        List<String> foreign = new ArrayList<>();
        for (CommandLine root : ExitCodesTest.roots()) {
            for (CommandLine cl : ExitCodesTest.commands(root)) {
                String name = cl.getCommandSpec().qualifiedName();
                Set<String> own = new HashSet<>(name.startsWith("mnemos models") ? runOptions : Set.of());
                for (CommandLine c : ExitCodesTest.commands(cl)) own.addAll(optionNames(c.getCommandSpec()));
                for (String line : unwrapped(cl).split("\n")) {
                    Matcher m = named.matcher(line);
                    while (m.find()) {
                        Matcher other = another.matcher(line.substring(0, m.start()));
                        boolean othersOption = false;
                        while (other.find()) othersOption = !name.equals(other.group(1));
                        if (!own.contains("--" + m.group(1)) && !othersOption) foreign.add(name + ": --" + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), foreign);
    }

    /** Every name an option answers to, a negatable one's --no- form too. */
    private static Set<String> optionNames(CommandLine.Model.CommandSpec spec) {
        Set<String> names = new HashSet<>();
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            for (String n : o.names()) {
                String plain = n.replace("[no-]", "");
                names.add(plain);
                if (o.negatable()) names.add("--no-" + plain.substring(2));
            }
        }
        return names;
    }

    private static String help(CommandLine cl) {
        return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** The help as picocli lays it out on one long line per paragraph and option: no line broken at all. */
    private static String unwrapped(CommandLine cl) {
        List<String> path = new ArrayList<>(Arrays.asList(cl.getCommandSpec().qualifiedName().split(" ")));
        path.remove(0);
        CommandLine fresh = new CommandLine(cl.getCommandSpec().root().userObject().getClass() == null ? null
                : newInstance(cl.getCommandSpec().root().userObject()));
        fresh.setDefaultValueProvider(Cli::enumDefault);
        java.util.ResourceBundle words = cl.getCommandSpec().root().commandLine().getResourceBundle();
        if (words != null) fresh.setResourceBundle(words); // (lag-check's and lag-run's, given to their command line)
        ExitCodes.describe(fresh);
        fresh.setUsageHelpWidth(1000);
        CommandLine sub = fresh;
        for (String name : path) sub = sub.getSubcommands().get(name);
        return sub.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static Object newInstance(Object like) {
        try {
            var c = like.getClass().getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> words(String text) {
        return Arrays.asList(text.strip().split("\\s+"));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true);
    }
}
