package dev.mnemos.utm.prompt;

import dev.mnemos.io.AtomicFiles;
import dev.mnemos.io.ClassResources;
import dev.mnemos.prompts.PromptResources;
import dev.mnemos.utm.machine.MachineFormat;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.machine.U152;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prompt texts as files: {@code boot.txt} and {@code <state>.txt} in one directory. The U15,2
 * prompts ship in {@code prompts/u15_2/} (class-path resources {@code prompts/u15_2/*.txt}).
 *
 * <p>Regenerate them from the compiler with
 * {@code bin/_launch utm dev.mnemos.utm.prompt.PromptFiles prompts/u15_2 [MACHINE.json]}.
 */
public final class PromptFiles {

    /** Class-path folder of the shipped U15,2 prompts. */
    public static final String U152_RESOURCES = "prompts/u15_2/";

    private PromptFiles() {}

    /**
     * The shipped U15,2 prompts, from the jar of module mnemos-prompts (opened directly: a class-path
     * search for the first file would open every jar before it, a few milliseconds of a command's start).
     */
    public static PromptSet u152() {
        TuringMachine m = U152.machine();
        try (ClassResources jar = ClassResources.of(PromptResources.class)) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String state : m.states()) texts.put(state, read(jar, state + ".txt"));
            return new PromptSet(m, read(jar, "boot.txt"), texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the resource {@code name} of the U15,2 folder. */
    private static String read(ClassResources jar, String name) throws IOException {
        String text = jar.text(U152_RESOURCES + name);
        if (text == null) throw new IllegalStateException("resource " + U152_RESOURCES + name + " is missing from the class path (module mnemos-prompts)");
        return text;
    }

    /** Reads {@code boot.txt} and one file per state of the machine from a directory. */
    public static PromptSet read(Path dir, TuringMachine m) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String state : m.states()) texts.put(state, Files.readString(dir.resolve(state + ".txt")));
        return new PromptSet(m, Files.readString(dir.resolve("boot.txt")), texts);
    }

    /** Writes {@code boot.txt} and the state texts, each atomically. */
    public static void write(Path dir, PromptSet prompts) throws IOException {
        AtomicFiles.write(dir.resolve("boot.txt"), prompts.boot().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> t : prompts.texts().entrySet()) {
            AtomicFiles.write(dir.resolve(t.getKey() + ".txt"), t.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code PromptFiles DIR [MACHINE.json]}: writes the compiler's prompts (default U15,2) to DIR. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: PromptFiles DIR [MACHINE.json]   writes boot.txt and <state>.txt for the machine (default U15,2)");
            System.exit(2);
        }
        TuringMachine m = args.length == 2 ? MachineFormat.read(Path.of(args[1])) : U152.machine();
        write(Path.of(args[0]), PromptCompiler.compile(m));
        System.out.println("wrote " + (m.states().size() + 1) + " prompt files for " + m.name() + " to " + args[0]);
    }
}
