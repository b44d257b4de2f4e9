package dev.mnemos.nativeimage;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The two ways utm-run runs: the native executable, and this test's JVM on the same jars. */
enum UtmRunner {
    NATIVE, JVM;

    static final String MAIN = "dev.mnemos.cli.utm.UtmRun";

    /**
     * utm-run with {@code args} in {@code dir}, standard input empty. SIGINT, SIGTERM and SIGHUP
     * start at their default handling ({@code env --default-signal}): a test run by a shell
     * without job control would otherwise hand the process SIGINT ignored, and a signal the test
     * sends would never arrive.
     */
    ProcessBuilder command(Path dir, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT,TERM,HUP"));
        if (this == NATIVE) {
            cmd.add(NativeBuild.executable().toString());
        } else {
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", NativeBuild.classPath(), MAIN));
        }
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
}
