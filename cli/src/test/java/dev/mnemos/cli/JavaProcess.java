package dev.mnemos.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a command's own JVM, started by a test that then sends it signals. The
 * child starts with SIGINT, SIGTERM and SIGHUP at their default handling ({@code env
 * --default-signal}): a test run in the background by a shell without job control (or under
 * {@code nohup}) would otherwise hand its children SIGINT (or SIGHUP) ignored, the JVM then
 * leaves them ignored, and the signal the test sends would never arrive.
 */
public final class JavaProcess {

    private JavaProcess() {}

    /** {@code env --default-signal=INT,TERM,HUP java -cp CLASS_PATH MAIN ARGS...}, on this test's class path. */
    public static List<String> command(Class<?> main, List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT,TERM,HUP", java,
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        return cmd;
    }
}
