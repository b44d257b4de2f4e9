package dev.mnemos.cli.nam;

import dev.mnemos.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** {@code bin/nam} run in this JVM, as the tests of nam's commands run it: exit code, standard output and error. */
record NamRun(int code, String out, String err) {

    static NamRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Cli.commandLine(new NamCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new NamRun(cmd.execute(args), out.toString(), err.toString());
    }
}
