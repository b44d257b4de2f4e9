package dev.mnemos.utm.prompt;

import dev.mnemos.io.AtomicFiles;
import dev.mnemos.utm.machine.MachineFormat;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.machine.U152;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
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
     * The shipped U15,2 prompts, from the class path: the folder that holds {@code boot.txt} is
     * found once, and the state texts are read beside it (a class-path search per file looks
     * through every module of the JDK first: 16 of them cost a command's start a few milliseconds).
     */
    public static PromptSet u152() {
        TuringMachine m = U152.machine();
        String boot = U152_RESOURCES + "boot.txt";
        URL bootUrl = PromptFiles.class.getClassLoader().getResource(boot);
        if (bootUrl == null) throw new IllegalStateException("resource " + boot + " is missing from the class path (module mnemos-prompts)");
        Map<String, String> texts = new LinkedHashMap<>();
        for (String state : m.states()) texts.put(state, read(bootUrl, state + ".txt"));
        return new PromptSet(m, read(bootUrl, "boot.txt"), texts);
    }

    /** The text of the resource {@code name} in the folder of {@code sibling}. */
    private static String read(URL sibling, String name) {
        try (InputStream in = new URL(sibling, name).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("resource " + U152_RESOURCES + name + " is missing from the class path (module mnemos-prompts)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
