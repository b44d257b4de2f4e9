package dev.mnemos.cli;

import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.store.StoreException;
import dev.mnemos.runtime.cycle.CycleException;
import dev.mnemos.runtime.cycle.ParseException;
import dev.mnemos.runtime.memory.BadLabelException;
import dev.mnemos.utm.bitag.BiTagException;
import dev.mnemos.utm.lag.LagException;
import dev.mnemos.utm.machine.MachineException;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.cycle.SubstitutionException;
import dev.mnemos.runtime.cycle.WriteException;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.UncheckedModelException;

/**
 * The exit codes of mnemos's commands, one per kind of failure, so scripts can tell them apart.
 * Every command prints a one-line message on standard error before it exits with one of these.
 * (1 is what picocli's own failures and a JVM error give.)
 */
public enum ExitCode {
    /** The run halted (and, where a command checks, verified clean). */
    OK(0),
    /** The command line is wrong (picocli's usage error). */
    USAGE(2),
    /** An input file (memory, program, checkpoint, cache, trace, data) is missing or malformed. */
    BAD_INPUT(3),
    /** No server answers at the base URL. */
    UNREACHABLE(4),
    /** The server does not know the model. */
    MODEL_NOT_FOUND(5),
    /** The server failed (5xx, timeout) after retries, rejected the call, or answered off-protocol. */
    MODEL_ERROR(6),
    /** The model's output is not an instruction. */
    UNPARSEABLE(7),
    /** The Read stage did not settle (a runaway @[label] reference). */
    RUNAWAY(8),
    /** A write named a label outside the alphabet, or updated a non-integer. */
    BAD_WRITE(9),
    /** A step, time or model-call limit ended the run before it halted. */
    LIMIT(10),
    /** A check of the run failed (e.g. utm's verification found a mismatch). */
    CHECK_FAILED(11),
    /** A file could not be written (disk full, permissions): the message names it. */
    IO_ERROR(12),
    /** The local backend's engine (llama.cpp's native library) cannot load on this platform. */
    ENGINE_UNAVAILABLE(13),
    /** No PostgreSQL server answers at a {@code jdbc:postgresql:} memory's URL. */
    DATABASE_UNREACHABLE(20),
    /** The database server refused the user name or password. */
    DATABASE_REFUSED(21),
    /** The database's POEM schema is newer than this build knows. */
    DATABASE_SCHEMA(22),
    /** A bug in mnemos: please report the message. */
    INTERNAL(70),
    /** The run was interrupted (Ctrl-C, SIGINT); a checkpoint was written where one was asked for. */
    INTERRUPTED(130),
    /** The run was stopped by SIGTERM ({@code kill}), handled as SIGINT is: trace flushed, checkpoint written. */
    TERMINATED(143);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The exit code of a failed model call. */
    public static ExitCode of(ModelException e) {
        return switch (e.kind()) {
            case UNREACHABLE -> UNREACHABLE;
            case MODEL_NOT_FOUND -> MODEL_NOT_FOUND;
            case BAD_FILE -> BAD_INPUT;
            case ENGINE_UNAVAILABLE -> ENGINE_UNAVAILABLE;
            default -> MODEL_ERROR;
        };
    }

    /** The exit code of a shared memory's failure; a memory of another encoder or m is bad input, as a file's is. */
    public static ExitCode of(StoreException e) {
        return switch (e.kind()) {
            case UNREACHABLE -> DATABASE_UNREACHABLE;
            case REFUSED -> DATABASE_REFUSED;
            case SCHEMA -> DATABASE_SCHEMA;
            case MISMATCH -> BAD_INPUT;
            case FAILED -> IO_ERROR;
        };
    }

    /** The exit code of a run's end. */
    public static ExitCode of(RunResult result) {
        return switch (result.status()) {
            case HALTED -> OK;
            case STEP_LIMIT, TIME_LIMIT, CALL_LIMIT -> LIMIT;
            case STOPPED -> CHECK_FAILED;
            case INTERRUPTED -> INTERRUPTED;
            case FAILED -> ofFailure(result.failure());
        };
    }

    /**
     * The one mapping from an exception that ended a command to its exit code, for every command.
     * A file that cannot be read or is not what it should be is bad input; a file that cannot be
     * written is reported by {@link Cli#writing}, or as an {@link java.io.UncheckedIOException} by
     * our writers; a usage error is a picocli parameter error or a {@link Cli.Failure} of
     * {@link #USAGE}; anything else (an {@code IllegalStateException}, an
     * {@code IllegalArgumentException} no check caught first) is a bug.
     */
    public static ExitCode of(Throwable e) {
        if (e instanceof Cli.Failure f) return f.exitCode();
        if (e instanceof ModelException m) return of(m);
        if (e instanceof UncheckedModelException u) return of(u.getCause());
        if (e instanceof InterruptedException) return INTERRUPTED;
        if (e instanceof CycleException c) return ofFailure(c);
        if (e instanceof StoreException s) return of(s);
        if (e instanceof java.io.UncheckedIOException) return IO_ERROR;
        if (e instanceof java.io.IOException || e instanceof DataException || e instanceof MachineException
                || e instanceof BiTagException || e instanceof BadLabelException || e instanceof LagException) return BAD_INPUT;
        return INTERNAL;
    }

    private static ExitCode ofFailure(Exception e) {
        if (e instanceof ModelException m) return of(m);
        if (e instanceof ParseException) return UNPARSEABLE;
        if (e instanceof SubstitutionException) return RUNAWAY;
        if (e instanceof WriteException) return BAD_WRITE;
        return MODEL_ERROR;
    }
}
