package dev.mnemos.cli;

import dev.mnemos.io.Fault;
import dev.mnemos.runtime.cycle.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The exit codes of mnemos's commands, one per kind of failure, so scripts can tell them apart:
 * the one table from a library's {@link Fault.Kind} to a number. Every command prints a one-line
 * message on standard error before it exits with one of these; its help lists the ones it gives
 * ({@link ExitCodes}). (1 is what a JVM error gives.)
 */
public enum ExitCode {
    OK(0, null, "success"),
    USAGE(2, null, "usage: a wrong or missing option"),
    BAD_INPUT(3, Fault.Kind.BAD_INPUT, "bad input file"),
    UNREACHABLE(4, Fault.Kind.UNREACHABLE, "server unreachable"),
    MODEL_NOT_FOUND(5, Fault.Kind.MODEL_NOT_FOUND, "model not found"),
    MODEL_ERROR(6, Fault.Kind.MODEL_ERROR, "model error"),
    UNPARSEABLE(7, Fault.Kind.UNPARSEABLE, "the model's output did not parse"),
    RUNAWAY(8, Fault.Kind.RUNAWAY, "runaway substitution"),
    BAD_WRITE(9, Fault.Kind.BAD_WRITE, "bad write"),
    LIMIT(10, Fault.Kind.LIMIT, "limit reached"),
    /** A check of the run failed (e.g. utm's verification found a mismatch): the commands' own verdict. */
    CHECK_FAILED(11, null, "check failed"),
    IO_ERROR(12, Fault.Kind.IO_ERROR, "a file could not be written"),
    ENGINE_UNAVAILABLE(13, Fault.Kind.ENGINE_UNAVAILABLE, "the local engine cannot load"),
    DATABASE_UNREACHABLE(20, Fault.Kind.DATABASE_UNREACHABLE, "database unreachable"),
    DATABASE_REFUSED(21, Fault.Kind.DATABASE_REFUSED, "database refused the credentials"),
    DATABASE_SCHEMA(22, Fault.Kind.DATABASE_SCHEMA, "database schema too new"),
    /** Anything that is no {@link Fault}: a bug. */
    INTERNAL(70, null, "internal error: a bug in mnemos, please report the message"),
    INTERRUPTED(130, null, "interrupted (Ctrl-C, SIGINT)"),
    TERMINATED(143, null, "terminated (SIGTERM)");

    private static final Map<Fault.Kind, ExitCode> BY_KIND = byKind();

    private final int code;
    private final Fault.Kind kind;
    private final String meaning;

    ExitCode(int code, Fault.Kind kind, String meaning) {
        this.code = code;
        this.kind = kind;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** What the code means, in a few words (the help's list and the README's table start with them). */
    public String meaning() {
        return meaning;
    }

    private static Map<Fault.Kind, ExitCode> byKind() {
        Map<Fault.Kind, ExitCode> map = new EnumMap<>(Fault.Kind.class);
        for (ExitCode c : values()) {
            if (c.kind != null) map.put(c.kind, c);
        }
        return map;
    }

    /** The exit code of a kind of failure. */
    public static ExitCode of(Fault.Kind kind) {
        return BY_KIND.get(kind);
    }

    /** The exit code of a run's end. */
    public static ExitCode of(RunResult result) {
        return switch (result.status()) {
            case HALTED -> OK;
            case STEP_LIMIT, TIME_LIMIT, CALL_LIMIT -> LIMIT;
            case STOPPED -> CHECK_FAILED;
            case INTERRUPTED -> INTERRUPTED;
            case FAILED -> of(result.failure());
        };
    }

    /**
     * The one mapping from an exception that ended a command to its exit code, for every command:
     * a {@link Cli.Failure} says its code, a {@link Fault} its kind. Of the JDK's exceptions, a file
     * that cannot be read is bad input and one that cannot be written (an
     * {@link UncheckedIOException} from our writers) is {@link #IO_ERROR}; anything else is a bug.
     */
    public static ExitCode of(Throwable e) {
        if (e instanceof Cli.Failure f) return f.exitCode();
        if (e instanceof Fault f) return of(f.fault());
        if (e instanceof InterruptedException) return INTERRUPTED;
        if (e instanceof UncheckedIOException) return IO_ERROR;
        if (e instanceof IOException) return BAD_INPUT;
        return INTERNAL;
    }
}
