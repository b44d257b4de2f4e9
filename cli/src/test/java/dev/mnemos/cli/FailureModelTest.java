package dev.mnemos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnemos.cli.nam.NamCommand;
import dev.mnemos.cli.poem.PoemCommand;
import dev.mnemos.cli.run.MnemosCommand;
import dev.mnemos.io.FormatException;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.runtime.model.ModelException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Every command reports a failure the same way: one line, and the exit code of its kind. */
class FailureModelTest {

    @Test
    void aBugIsAnInternalErrorInEveryCommandNotAModelFailureOrAUsageError() {
        for (Object command : new Object[] {new MnemosCommand(), new PoemCommand(), new NamCommand()}) {
            Outcome bug = run(command, () -> {
                throw new IllegalStateException("a bug");
            });
            assertEquals(70, bug.code, command.getClass().getSimpleName());
            assertEquals("internal error: java.lang.IllegalStateException: a bug", bug.message());
        }
    }

    @Test
    void aNullPointerIsAnInternalErrorToo() {
        Outcome o = run(new PoemCommand(), () -> {
            String missing = null;
            return missing.length();
        });
        assertEquals(70, o.code);
    }

    @Test
    void badFilesAreBadInputNamingTheFile() {
        assertEquals(3, run(new NamCommand(), () -> {
            throw new FormatException("m.poem: damaged (checksum mismatch)");
        }).code);
        assertEquals(3, run(new PoemCommand(), () -> {
            throw new DataException("d.jsonl:3: no \"input\"");
        }).code);
        Outcome missing = run(new NamCommand(), () -> {
            throw new NoSuchFileException("runs/x.csv");
        });
        assertEquals(3, missing.code);
        assertEquals("runs/x.csv: no such file", missing.message());
    }

    @Test
    void aFileThatCannotBeWrittenIsExitCode12() {
        Outcome o = run(new PoemCommand(), () -> {
            Cli.writing(java.nio.file.Path.of("out/r.json"), () -> {
                throw new IOException("No space left on device");
            });
            return 0;
        });
        assertEquals(12, o.code);
        assertEquals("cannot write out/r.json: No space left on device", o.message());
        Outcome denied = run(new PoemCommand(), () -> {
            Cli.writing(java.nio.file.Path.of("r.json"), () -> {
                throw new java.nio.file.AccessDeniedException("/work/.r.json.3kx9q2.tmp"); // what AtomicFiles' temporary file gives
            });
            return 0;
        });
        assertEquals(12, denied.code);
        assertEquals("cannot write r.json: permission denied", denied.message(), "why, not the name of a temporary file");
        assertEquals(12, run(new NamCommand(), () -> {
            throw new UncheckedIOException(new IOException("disk full"));
        }).code);
    }

    @Test
    void modelFailuresKeepTheirOwnCodes() {
        assertEquals(4, run(new PoemCommand(), () -> {
            throw new ModelException(ModelException.Kind.UNREACHABLE, "no server at http://localhost:1");
        }).code);
        assertEquals(5, run(new MnemosCommand(), () -> {
            throw new ModelException(ModelException.Kind.MODEL_NOT_FOUND, "model 'x' not found");
        }).code);
        assertEquals(6, run(new NamCommand(), () -> {
            throw new ModelException(ModelException.Kind.TIMEOUT, "no answer in 3 s");
        }).code);
    }

    @Test
    void anInterruptionIsExitCode130() {
        assertEquals(130, run(new PoemCommand(), () -> {
            throw new InterruptedException();
        }).code);
    }

    @Test
    void aUsageFailureIsExitCode2() {
        Outcome o = run(new NamCommand(), () -> {
            throw new Cli.Failure(ExitCode.USAGE, "--sizes must be positive");
        });
        assertEquals(2, o.code);
        assertEquals("--sizes must be positive", o.message());
    }

    private record Outcome(int code, String err) {
        /** The one line, without the command's name in front. */
        String message() {
            String line = err.strip();
            assertEquals(1, line.lines().count(), "one line: " + line);
            return line.substring(line.indexOf(": ") + 2);
        }
    }

    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        private final Callable<Integer> body;

        Fail(Callable<Integer> body) {
            this.body = body;
        }

        @Override
        public Integer call() throws Exception {
            return body.call();
        }
    }

    private static Outcome run(Object command, Callable<Integer> body) {
        CommandLine cl = Cli.commandLine(command).addSubcommand(new Fail(body));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return new Outcome(cl.execute("fail"), err.toString());
    }
}
