package dev.mnemos.cli.readme;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.security.Permission;
import java.util.Arrays;

/**
 * One JVM that runs many README commands, one after the other, each through its launcher's own
 * {@code main} (with {@code System.exit} caught and taken as the exit code), in the directory the
 * JVM was started in: a command resolves its relative paths and default outputs there, as it does
 * when a user runs it. Saves a JVM start per command. Reads one request per line on standard
 * input: NUL-separated {@code MAIN-CLASS}, {@code STDOUT-FILE} (empty: standard output and error go
 * together to {@code .out.txt}; else standard error alone does) and the arguments; answers
 * {@code exit CODE} on a line.
 */
public final class CommandHost {

    static final class Exit extends SecurityException {
        final int code;

        Exit(int code) {
            super("exit " + code);
            this.code = code;
        }
    }

    @SuppressWarnings("removal")
    public static void main(String[] ignored) throws Exception {
        PrintStream answer = System.out;
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkExit(int status) {
                throw new Exit(status);
            }

            @Override
            public void checkPermission(Permission perm) {}

            @Override
            public void checkPermission(Permission perm, Object context) {}
        });
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = requests.readLine()) != null; ) {
            String[] words = line.split("\0", -1);
            answer.println("exit " + run(words[0], words[1], Arrays.copyOfRange(words, 2, words.length)));
            answer.flush();
        }
        System.setSecurityManager(null);
        Runtime.getRuntime().halt(0);
    }

    private static int run(String main, String stdout, String[] args) throws Exception {
        PrintStream oldOut = System.out, oldErr = System.err;
        try (OutputStream all = new FileOutputStream(".out.txt");
             OutputStream out = stdout.isEmpty() ? all : new FileOutputStream(stdout)) {
            PrintStream err = new PrintStream(all, true, StandardCharsets.UTF_8);
            System.setErr(err);
            System.setOut(out == all ? err : new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                Class.forName(main).getMethod("main", String[].class).invoke(null, (Object) args);
                return 0;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exit exit) return exit.code;
                e.getCause().printStackTrace();
                return -1;
            } finally {
                System.out.flush();
                System.err.flush();
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
