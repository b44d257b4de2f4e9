package dev.mnemos.nativeimage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * utm-run as a native executable, built by {@code native/build} from the jars these tests run on
 * (cli's jar and its run-time class path, as the reactor packaged them), once per test run: the
 * first test that asks for {@link #executable()} builds it, every later one gets the same file. A
 * failed build fails every test that needs it; it is not built again. It is built in the C locale
 * (ASCII) and run in a UTF-8 one, the only kind bin/utm-run runs it in.
 */
final class NativeBuild {

    /** Far above the 2 minutes a build takes on an idle 2-core machine. */
    static final long LIMIT_MINUTES = 20;

    private static Path executable;
    private static AssertionError failure;

    private NativeBuild() {}

    /** The executable, built on the first call. */
    static synchronized Path executable() {
        if (failure != null) throw failure;
        if (executable == null) {
            try {
                executable = build(Path.of(System.getProperty("mnemos.native.image")));
            } catch (AssertionError | IOException | InterruptedException e) {
                failure = e instanceof AssertionError a ? a : new AssertionError("native/build could not run", e);
                throw failure;
            }
        }
        return executable;
    }

    /**
     * The jars on this test's class path, in its order: cli's and those it needs at run time (and
     * JUnit's, which utm-run never loads). native/build takes from them what a native utm-run holds.
     */
    static String classPath() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) jars.add(entry);
        }
        if (jars.stream().noneMatch(jar -> Path.of(jar).getFileName().toString().startsWith("mnemos-cli-"))) {
            throw new AssertionError("no mnemos-cli jar on the class path (cli's classes are a directory before the package phase:"
                    + " run these tests through mvn verify): " + System.getProperty("java.class.path"));
        }
        return String.join(File.pathSeparator, jars);
    }

    /** The file in which native/build records the launcher's build an executable was made from ({@code utm-run.build}). */
    static Path recordOf(Path executable) {
        return executable.resolveSibling(executable.getFileName() + ".build");
    }

    private static Path build(Path output) throws IOException, InterruptedException {
        Files.deleteIfExists(output); // an executable of an earlier build never stands in for this one
        Files.createDirectories(output.getParent());
        // the record of a build of bin/utm-run's, as native/build leaves beside native/target/utm-run: one built
        // from other jars (--classpath) must not leave it standing (NativeBuildScriptTest)
        Files.writeString(recordOf(output), "12345-678\n" + Path.of(System.getProperty("java.home"), "lib", "libjava.so") + "\n");
        Path log = output.resolveSibling("build.log");
        ProcessBuilder command = new ProcessBuilder(System.getProperty("mnemos.native.build"), "--classpath", classPath(), "--output", output.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // built in the C locale (ASCII), run in a UTF-8 one: what the executable does must not depend on where it was built
        command.environment().put("LC_ALL", "C");
        command.environment().put("LANG", "C");
        Process build = command.start();
        if (!build.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            build.descendants().forEach(ProcessHandle::destroyForcibly);
            build.destroyForcibly();
            throw new AssertionError("native/build took more than " + LIMIT_MINUTES + " minutes (log: " + log + ")");
        }
        if (build.exitValue() != 0 || !Files.isExecutable(output)) {
            throw new AssertionError("native/build failed with exit code " + build.exitValue() + " (log: " + log + "):\n" + Files.readString(log));
        }
        return output;
    }
}
