package dev.mnemos.cli;

import sun.misc.Signal;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * How every command stops: SIGINT (Ctrl-C) and SIGTERM ({@code kill}) handled alike. Work that can
 * stop registers what stops it ({@link #whileRunning}); the first signal runs that (a run stops
 * after its cycle, flushes its trace and writes its checkpoint; a training saves), the command
 * prints its one-line message as usual, and the process exits with 130 (SIGINT) or 143 (SIGTERM).
 * With nothing registered, or if the work has not stopped 10 s later, the process says so and
 * exits at once. A JVM that exits while work is registered (a second signal, SIGHUP, a
 * {@code System.exit}) first runs the work's stop, if no signal did, and waits up to 10 s for the
 * command to end as it would on a first signal, message included: one shutdown hook, this class's.
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
    /** Counted down when the command has ended and printed its message ({@link #exitCode}). */
    private static final CountDownLatch ended = new CountDownLatch(1);
    /** Set when the JVM has begun to exit (the shutdown hook runs). */
    private static volatile boolean exiting;
    /** Set when the work had its 10 s and did not stop: the exit does not wait again. */
    private static volatile boolean gaveUp;

    private Signals() {}

    /** Handles SIGINT and SIGTERM from now on; messages start with {@code name}. */
    static void install(String name, PrintStream errStream) {
        command = name;
        err = errStream;
        try { // before the handlers: a signal from then on may exit at once, and a hook cannot be added while exiting
            Runtime.getRuntime().addShutdownHook(new Thread(Signals::beforeExit, "mnemos-exit"));
        } catch (IllegalStateException exiting) {
            return; // a signal came before: the JVM is exiting as it does by default
        }
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

    /**
     * What a command returned, or 130 / 143 if a signal stopped it; the command has ended. When
     * the JVM is already exiting (SIGHUP, a {@code System.exit} elsewhere) this never returns:
     * the exit under way ends the process with its own status, which a second exit with ours
     * could otherwise overtake.
     */
    static int exitCode(int code) {
        ended.countDown();
        while (exiting) LockSupport.park(); // the shutdown hook returns now, and the JVM halts
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
            gaveUp = true;
            exitNow(s, "; the work did not stop within " + GRACE_SECONDS + " s");
        }, "mnemos-signal-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * The shutdown hook: with work registered, stops it (unless a signal did) and waits for the
     * command to end, so that what it saves on a signal is saved on any exit.
     */
    private static void beforeExit() {
        exiting = true;
        if (stops.isEmpty() || gaveUp) return;
        if (received.get() == null) {
            for (Runnable stop : stops) stop.run();
        }
        try {
            ended.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void exitNow(Signal s, String why) {
        err.println();
        err.println(command + ": " + (s.getName().equals("TERM") ? "terminated (SIGTERM)" : "interrupted (SIGINT)") + why);
        err.flush();
        System.exit(128 + s.getNumber()); // the shutdown hook lets registered work end first (beforeExit)
    }

    /** Stops {@link #whileRunning} from calling its action. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
