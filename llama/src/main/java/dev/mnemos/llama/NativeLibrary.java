package dev.mnemos.llama;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.args.LogFormat;
import dev.mnemos.io.AtomicFiles;
import dev.mnemos.llama.models.ModelDirectory;
import dev.mnemos.llama.models.Sha256;
import dev.mnemos.runtime.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads llama.cpp's native library (de.kherud:llama's {@code libjllama}) once per process, without
 * the library's own loader's side effects: that loader deletes every file named {@code llama*} or
 * {@code jllama*} in {@code java.io.tmpdir} and prints "Extracted ..." on standard output. Here the
 * library is copied out of the jar once into a directory of its own under the user's cache
 * ({@code mnemos/native/jllama-<hash>/}), loaded from there, and the loader is pointed at that
 * directory and at a private, empty temporary directory. llama.cpp's log lines go nowhere unless
 * {@code MNEMOS_LLAMA_LOG=1} (or {@code -Dmnemos.llama.log=true}) sends them to standard error.
 *
 * <p>{@code -Dmnemos.llama.native=DIR} loads {@code DIR/libjllama.so} (or the platform's name)
 * instead: a build of one's own for a platform the jar has none for.
 */
final class NativeLibrary {

    /** System property: a directory holding the native library to load instead of the jar's. */
    static final String OVERRIDE = "mnemos.llama.native";

    private static ModelException failure;
    private static boolean loaded;

    private NativeLibrary() {}

    /** Loads the library once; a failure is remembered and reported the same way on every call. */
    static synchronized void load() throws ModelException {
        if (loaded) return;
        if (failure != null) throw failure;
        try {
            Path library = library();
            System.setProperty("de.kherud.llama.lib.path", library.getParent().toString());
            System.setProperty("de.kherud.llama.tmpdir", privateTmp().toString());
            initialise(library);
            loaded = true;
        } catch (ModelException e) {
            failure = e;
            throw e;
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError | IOException e) {
            failure = unavailable(e.getMessage() == null ? e.toString() : e.getMessage(), e);
            throw failure;
        }
    }

    /** Whether llama.cpp's logs are wanted on standard error. */
    static boolean verbose() {
        return "1".equals(System.getenv("MNEMOS_LLAMA_LOG")) || Boolean.getBoolean("mnemos.llama.log");
    }

    /**
     * Loads the library (its JNI_OnLoad initialises LlamaModel, whose loader then finds it loaded
     * from the directory set above) with System.out sent to System.err, and sets the logger.
     */
    private static void initialise(Path library) {
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            System.load(library.toString());
            LlamaModel.setLogger(LogFormat.TEXT, verbose() ? (level, message) -> System.err.print(message) : (level, message) -> { });
        } finally {
            System.setOut(out);
        }
    }

    private static Path library() throws ModelException, IOException {
        String name = System.mapLibraryName("jllama");
        String override = System.getProperty(OVERRIDE);
        if (override != null) return Path.of(override, name).toAbsolutePath();
        String resource = "/de/kherud/llama/" + platform() + "/" + name;
        byte[] bytes;
        try (InputStream in = LlamaModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw unavailable("de.kherud:llama has no native library for " + platform()
                        + " (it ships Linux/x86_64, Linux/aarch64, Mac/x86_64, Mac/aarch64, Windows/x86_64)", null);
            }
            bytes = in.readAllBytes();
        }
        Path dir = ModelDirectory.cacheRoot().resolve("native").resolve("jllama-" + Sha256.of(bytes).substring(0, 16));
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file) || Files.size(file) != bytes.length) {
            Files.createDirectories(dir);
            AtomicFiles.write(file, bytes);
        }
        return file;
    }

    private static Path privateTmp() throws IOException {
        return Files.createDirectories(ModelDirectory.cacheRoot().resolve("native").resolve("tmp"));
    }

    /** The jar's folder for this platform: Linux/x86_64, Mac/aarch64, ... */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("win") ? "Windows" : os.contains("mac") || os.contains("darwin") ? "Mac" : os.contains("linux") ? "Linux" : os;
        String archName = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i686" -> "x86";
            default -> arch;
        };
        return osName + "/" + archName;
    }

    private static ModelException unavailable(String why, Throwable cause) {
        return new ModelException(ModelException.Kind.ENGINE_UNAVAILABLE, "the local backend cannot load llama.cpp on "
                + platform() + ": " + why + "; use --backend ollama or openai with a server instead", cause);
    }
}
