package dev.mnemos.nativeimage;

import dev.mnemos.cli.utm.UtmRun;
import org.graalvm.nativeimage.VMRuntime;

/**
 * The native executable's entry point (native/build compiles it; it is no part of the Maven build).
 * The executable reads no -X or -XX arguments of its own (-H:-ParseRuntimeOptions: they are
 * utm-run's to refuse, as on the JVM), and then the runtime leaves its start-up hooks to the
 * program: without them SIGHUP ends the process at once, with no shutdown hook run (the JVM runs
 * them: cli's Signals then saves the run), and SIGPIPE kills it where the JVM ignores it. So this
 * runs them, then utm-run.
 */
public final class UtmRunMain {

    private UtmRunMain() {}

    public static void main(String[] args) {
        VMRuntime.initialize();
        UtmRun.main(args);
    }
}
