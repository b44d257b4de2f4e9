package dev.mnemos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command does at every start, before it reads its arguments, is kept small (issue 21:
 * the whole process is what a user times): no command and no mixin has picocli search its
 * methods for subcommands, no command has picocli look a resource bundle up by name, the
 * exit-code list of the help is written without a Formatter, and no option takes a type whose
 * converter bin/_launch tells picocli not to look up.
 */
class StartupWorkTest {

    @Test
    void noCommandOrMixinHasItsMethodsSearchedForSubcommands() {
        List<String> searched = new ArrayList<>();
        for (CommandLine root : ExitCodesTest.roots()) {
            for (CommandLine cl : ExitCodesTest.commands(root)) {
                CommandSpec spec = cl.getCommandSpec();
                if (spec.isAddMethodSubcommands()) searched.add(spec.qualifiedName());
                spec.mixins().forEach((name, mixin) -> {
                    boolean ours = !name.equals("mixinStandardHelpOptions"); // (picocli's own --help/--version)
                    if (ours && mixin.isAddMethodSubcommands()) searched.add(spec.qualifiedName() + " mixin " + name);
                });
            }
        }
        assertEquals(List.of(), searched, "add @Command(addMethodSubcommands = false) to these classes");
    }

    @Test
    void noCommandNamesAResourceBundleForPicocliToLookUp() {
        List<String> named = new ArrayList<>();
        for (CommandLine root : ExitCodesTest.roots()) {
            for (CommandLine cl : ExitCodesTest.commands(root)) {
                CommandLine.Command command = cl.getCommandSpec().userObject().getClass().getAnnotation(CommandLine.Command.class);
                if (command != null && !command.resourceBundle().isEmpty()) named.add(cl.getCommandSpec().qualifiedName());
            }
        }
        assertEquals(List.of(), named, "give the bundle to the command line (LagHelp.commandLine) instead");
    }

    /** bin/_launch passes -Dpicocli.converters.excludes=java\.(time|sql)\..*: such an option would be refused. */
    @Test
    void noOptionTakesAJavaTimeOrJavaSqlValue() {
        List<String> options = new ArrayList<>();
        for (CommandLine root : ExitCodesTest.roots()) {
            for (CommandLine cl : ExitCodesTest.commands(root)) {
                for (CommandLine.Model.ArgSpec arg : cl.getCommandSpec().args()) {
                    for (Class<?> type : types(arg)) {
                        if (type.getName().matches("java\\.(time|sql)\\..*")) {
                            options.add(cl.getCommandSpec().qualifiedName() + " " + arg.paramLabel() + ": " + type.getName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), options, "take a String and parse it, or drop the type from bin/_launch's picocli.converters.excludes");
    }

    private static List<Class<?>> types(CommandLine.Model.ArgSpec arg) {
        List<Class<?>> types = new ArrayList<>(List.of(arg.auxiliaryTypes()));
        types.add(arg.type());
        return types;
    }

    @Test
    void exitCodesAreRightAlignedInThreeColumnsAsPrintfWould() {
        for (int code : new int[] {0, 2, 11, 130, 143}) {
            assertEquals(String.format(java.util.Locale.ROOT, "%3d", code), ExitCodes.rightAligned(code));
        }
    }
}
