package dev.mnemos.cli;

import sun.misc.Signal;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SIGINT (Ctrl-C) and SIGTERM ({@code kill}), handled alike by every command: the first asks the
 * work in progress to stop (a run stops after its cycle, flushes its trace and writes its
 * checkpoint), the command prints its one-line message as usual, and the process exits with
 * 130 (SIGINT) or 143 (SIGTERM). With nothing in progress that can stop, or on a second signal, or
 * if the work has not stopped 10 s later, the process says so and exits at once.
 *
 * <p>Installed by {@link Cli#main} only: a library or a test calling commands in-process keeps the
 * JVM's own handling.
 */
public final class Signals {

    static final long GRACE_SECONDS = 10;

    private static final AtomicReference<Signal> received = new AtomicReference<>();
    private static final List<Runnable> stops = new CopyOnWriteArrayList<>();
    private static volatile String command = "mnemos";
    private static volatile PrintStream err = System.err;

    private Signals() {}

    /** Handles SIGINT and SIGTERM from now on; messages start with {@code name}. */
    static void install(String name, PrintStream errStream) {
        command = name;
        err = errStream;
        for (String signal : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(signal), Signals::handle);
            } catch (IllegalArgumentException inUse) {
                // the JVM runs with -Xrs, or the signal is taken: its default handling stays
            }
        }
    }

    /** Runs {@code stop} on the first signal, until the returned registration is closed. */
    public static Registration whileRunning(Runnable stop) {
        stops.add(stop);
        return () -> stops.remove(stop);
    }

    /** What a command returned, or 130 / 143 if a signal stopped it. */
    static int exitCode(int code) {
        Signal s = received.get();
        return s == null ? code : 128 + s.getNumber();
    }

    private static void handle(Signal s) {
        boolean first = received.compareAndSet(null, s);
        if (!first || stops.isEmpty()) {
            exitNow(s, first ? "" : " again; stopping without waiting");
            return;
        }
        for (Runnable stop : stops) stop.run();
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(GRACE_SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            exitNow(s, "; the work did not stop within " + GRACE_SECONDS + " s");
        }, "mnemos-signal-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void exitNow(Signal s, String why) {
        err.println();
        err.println(command + ": " + (s.getName().equals("TERM") ? "terminated (SIGTERM)" : "interrupted (SIGINT)") + why);
        err.flush();
        System.exit(128 + s.getNumber()); // shutdown hooks still run (poem train saves in one)
    }

    /** Stops {@link #whileRunning} from calling its action. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
