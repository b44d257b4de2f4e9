package dev.mnemos.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shell launchers in bin/, run as a user runs them, in a copy of the repository's layout. A
 * stand-in {@code mvn} on the PATH counts builds and, like Maven, leaves an existing jar alone; the
 * program launched is a small probe class named as bin/mnemos's main class, run by the real java.
 */
class LaunchersTest {

    static final Path BIN = Path.of("..", "bin").toAbsolutePath().normalize();
    static final String JAR = "mnemos-cli-0.1.0-SNAPSHOT.jar";

    @TempDir
    Path dir;
    Path root;
    Path tools;

    @BeforeEach
    void aCheckoutWithAStandInMaven() throws Exception {
        root = dir.resolve("repo");
        for (String module : List.of("cli", "utm", "bench")) {
            write(root.resolve(module + "/src/main/java/A.java"), "class A {}");
            write(root.resolve(module + "/pom.xml"), "<project/>");
        }
        write(root.resolve("pom.xml"), "<project/>");
        write(root.resolve("prompts/u15_2/boot.txt"), "boot");
        Files.createDirectories(root.resolve("bin"));
        try (Stream<Path> scripts = Files.list(BIN)) {
            for (Path s : scripts.toList()) Files.copy(s, root.resolve("bin").resolve(s.getFileName()));
        }
        try (Stream<Path> all = Files.walk(root)) { // sources older than any build
            for (Path p : all.toList()) Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
        }
        Path probe = probeJar();
        tools = dir.resolve("tools");
        write(tools.resolve("mvn"), """
                #!/usr/bin/env bash
                echo "$*" >> "%1$s/mvn.log"
                printf '\033[0m\033[0m' >&2   # what Maven 3.8 prints in batch mode, even with -q
                mkdir -p cli/target/lib
                [ -f cli/target/%2$s ] || cp "%3$s" cli/target/%2$s
                [ -f cli/target/lib/mnemos-utm-0.1.0-SNAPSHOT.jar ] || cp "%3$s" cli/target/lib/mnemos-utm-0.1.0-SNAPSHOT.jar
                """.formatted(dir, JAR, probe));
        Files.setPosixFilePermissions(tools.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aLauncherBuildsOnceAndNotAgainWhileNothingChanged() throws Exception {
        Result first = run("bin/mnemos", "hello");
        assertEquals(0, first.rc);
        assertFalse(first.err.contains("[0m"), "Maven's bare colour resets are not passed on: " + first.err.replace("\u001b", "ESC"));
        run("bin/utm-run"); // another launcher, the same jar (the probe has no UtmRun: it fails after the build check)
        Result third = run("bin/mnemos", "a b");
        assertEquals(List.of("probe args=[a b]"), third.lines(), third.err);
        assertEquals(1, builds());
    }

    @Test
    void aChangedSourceRebuildsOnceEvenWhenMavenLeavesTheJarAlone() throws Exception {
        run("bin/mnemos");
        touch(root.resolve("utm/src/main/java/A.java"));
        run("bin/mnemos");
        run("bin/mnemos");
        assertEquals(2, builds(), "the jar is older than the source, but the build after the change is done");
    }

    @Test
    void targetDirectoriesTestsAndModulesTheLauncherDoesNotUseDoNotRebuild() throws Exception {
        run("bin/mnemos");
        touch(root.resolve("prompts/target/classes/boot.txt"));
        touch(root.resolve("bench/src/main/java/A.java"));
        touch(root.resolve("utm/target/classes/A.class"));
        touch(root.resolve("utm/src/test/java/ATest.java")); // (tests are not in the jar)
        run("bin/mnemos");
        assertEquals(1, builds());
        touch(root.resolve("prompts/u15_2/boot.txt"));
        touch(root.resolve("pom.xml"));
        run("bin/mnemos");
        assertEquals(2, builds(), "a tracked prompt and the parent pom do count");
    }

    @Test
    void aLauncherSymlinkedElsewhereRuns() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("home/bin"));
        Files.createSymbolicLink(elsewhere.resolve("mnemos"), root.resolve("bin/mnemos"));
        Result r = run(elsewhere.resolve("mnemos").toString(), "x");
        assertEquals(0, r.rc, r.err);
        assertEquals(List.of("probe args=[x]"), r.lines());
    }

    @Test
    void utmRunsNativeExecutableRunsEveryReferenceRunInTheLaunchersProcess() throws Exception {
        nativeExecutableOfThisBuild();
        Process p = start("bin/utm-run", "--bitag", "x.json", "--json");
        Result r = finish(p);
        assertEquals(List.of("native pid=" + p.pid() + " args=--bitag x.json --json"), r.lines(), r.err);
        assertEquals("native pid=", run("bin/utm-run").out.substring(0, 11), "no arguments: the worked example");
    }

    @Test
    void aRunWithAModelABackendAnArgumentFileOrJvmOptionsTakesTheJvm() throws Exception {
        nativeExecutableOfThisBuild();
        for (List<String> args : List.of(List.of("--model", "llama2"), List.of("--model=smollm2-135m"), List.of("--model-file", "m.gguf"),
                List.of("--model-file=m.gguf"), List.of("--backend", "reference"), List.of("--backend=openai"), List.of("@args.txt"))) {
            Result r = run("bin/utm-run", args.toArray(String[]::new));
            assertEquals(List.of("probe args=" + args), r.lines(), r.err);
        }
        assertEquals(List.of("probe args=[]"), run(Map.of("MNEMOS_NATIVE", "0"), "bin/utm-run").lines());
        assertEquals(List.of("probe args=[]"), run(Map.of("MNEMOS_JAVA_OPTS", "-Xmx64m"), "bin/utm-run").lines());
        assertTrue(run(Map.of("MNEMOS_NATIVE", "1"), "bin/utm-run").out.startsWith("native pid="));
    }

    @Test
    void aNativeExecutableOfAnotherBuildIsNotRun() throws Exception {
        Path made = nativeExecutableOfThisBuild();
        touch(root.resolve("utm/src/main/java/A.java"));
        assertEquals(List.of("probe args=[]"), run("bin/utm-run").lines(), "sources changed: rebuilt, and the executable is of the build before");
        assertEquals(2, builds());
        Files.delete(made);
        assertEquals(List.of("probe args=[]"), run("bin/utm-run").lines(), "an executable of no known build");
    }

    @Test
    void aNativeExecutableOlderThanItsBuildScriptIsNotRun() throws Exception {
        nativeExecutableOfThisBuild();
        Files.setLastModifiedTime(root.resolve("native/target/utm-run"), FileTime.from(Instant.now().minusSeconds(60)));
        assertTrue(run("bin/utm-run").out.startsWith("native pid="), "no native/build in this checkout: nothing newer");
        touch(root.resolve("native/build"));
        assertEquals(List.of("probe args=[]"), run("bin/utm-run").lines(), "native/build changed since: its executable is made again first");
    }

    @Test
    void aNativeExecutableOlderThanAnyOfItsSourcesIsNotRun() throws Exception {
        for (String source : List.of("native/c/chelper.c", "native/include/svm_locale.h", "native/builder/options.txt",
                "native/java/dev/mnemos/nativeimage/UtmRunMain.java")) {
            nativeExecutableOfThisBuild();
            Files.setLastModifiedTime(root.resolve("native/target/utm-run"), FileTime.from(Instant.now().minusSeconds(60)));
            assertTrue(run("bin/utm-run").out.startsWith("native pid="), "nothing newer yet");
            touch(root.resolve(source));
            assertEquals(List.of("probe args=[]"), run("bin/utm-run").lines(), source + " changed since the executable was made");
            Files.setLastModifiedTime(root.resolve(source), FileTime.from(Instant.now().minusSeconds(3600)));
        }
    }

    @Test
    void jvmOptionsFromTheJavaEnvironmentVariablesTakeTheJvm() throws Exception {
        nativeExecutableOfThisBuild();
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            Result r = run(Map.of(variable, "-Dx=1"), "bin/utm-run");
            assertTrue(r.out.contains("probe args=[]"), variable + " is read by the JVM, not by the executable: " + r.out + r.err);
        }
        assertTrue(run(Map.of("JAVA_TOOL_OPTIONS", ""), "bin/utm-run").out.startsWith("native pid="), "an empty one says nothing");
    }

    @Test
    void aRunInALocaleWhoseCharacterSetIsNotUtf8TakesTheJvm() throws Exception {
        nativeExecutableOfThisBuild();
        // the executable reads file names and arguments as UTF-8; the JVM in the locale's character set
        for (Map<String, String> locale : List.of(Map.of("LC_ALL", "C"), Map.of("LC_ALL", "", "LANG", ""), Map.of("LC_ALL", "", "LANG", "POSIX"),
                Map.of("LC_ALL", "", "LANG", "en_US.UTF-8", "LC_CTYPE", "en_US.ISO-8859-1"), Map.of("LC_ALL", "de_DE@euro", "LANG", "C.UTF-8"))) {
            assertEquals(List.of("probe args=[]"), run(locale, "bin/utm-run").lines(), "locale " + locale);
        }
        for (Map<String, String> locale : List.of(Map.of("LC_ALL", "C.UTF-8"), Map.of("LC_ALL", "", "LANG", "en_US.utf8"),
                Map.of("LC_ALL", "", "LANG", "C", "LC_CTYPE", "de_DE.UTF-8@euro"))) {
            assertTrue(run(locale, "bin/utm-run").out.startsWith("native pid="), "locale " + locale);
        }
    }

    @Test
    void aNativeExecutableWhoseJdkIsGoneIsNotRun() throws Exception {
        nativeExecutableOfThisBuild();
        assertTrue(run("bin/utm-run").out.startsWith("native pid="));
        Files.delete(dir.resolve("jdk/lib/libjava.so"));
        assertEquals(List.of("probe args=[]"), run("bin/utm-run").lines(), "it would not start without the JDK's libjava.so");
    }

    @Test
    void aNativeExecutableWithoutItsShimBesideItIsNotRun() throws Exception {
        nativeExecutableOfThisBuild();
        Files.delete(root.resolve("native/target/libjvmshim.so"));
        assertEquals(List.of("probe args=[]"), run("bin/utm-run").lines(), "it would not start without libjvmshim.so");
    }

    /**
     * A stand-in for native/build's native/target/utm-run (it prints its pid and arguments), made
     * from the jars of the current build (the launcher built them): returns the file naming that build.
     */
    Path nativeExecutableOfThisBuild() throws Exception {
        assertEquals(0, run("bin/mnemos").rc);
        Path exe = write(root.resolve("native/target/utm-run"), "#!/bin/sh\necho \"native pid=$$ args=$*\"\n");
        write(root.resolve("native/target/libjvmshim.so"), "");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path libjava = write(dir.resolve("jdk/lib/libjava.so"), "");
        return write(root.resolve("native/target/utm-run.build"), Files.readString(root.resolve("cli/target/.launch-stamp")).strip() + "\n" + libjava + "\n");
    }

    @Test
    void theLauncherBecomesJavaSoKillingItLeavesNoJavaBehind() throws Exception {
        for (int firstOrLater = 0; firstOrLater < 2; firstOrLater++) { // without, then with the class-data archive
            Process p = start("bin/mnemos", "sleep");
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertEquals("probe pid=" + p.pid(), line, "java runs in the launcher's process");
            }
            p.destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(143, p.exitValue());
            assertEquals(0, run("bin/mnemos").rc); // a run that exits: the archive is written
        }
        assertTrue(Files.exists(root.resolve("cli/target/app-MnemosCommand.jsa")), "the class-data archive is in place");
    }

    @Test
    void classDataArchivesLeftByKilledRunsAreCleanedAndACompleteOneIsKept() throws Exception {
        run("bin/mnemos");
        Path target = root.resolve("cli/target");
        Files.writeString(target.resolve("app-MnemosCommand.jsa.999999999.tmp"), "cut short by kill -9");
        run("bin/mnemos");
        assertTrue(Files.exists(target.resolve("app-MnemosCommand.jsa")), "the first run's archive was moved into place");
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }

    @Test
    void aRunAskedForHelpOrTheVersionHasAnArchiveOfItsOwn() throws Exception {
        run("bin/mnemos", "--help");
        run("bin/mnemos", "run", "-V");
        assertEquals(List.of("app-MnemosCommand-help.jsa"), archives(), "help's few classes would make a poor archive for a run");
        run("bin/mnemos", "x");
        run("bin/mnemos", "x");
        assertEquals(List.of("app-MnemosCommand-help.jsa", "app-MnemosCommand.jsa"), archives());
    }

    @Test
    void aRebuildDropsTheArchivesOfTheBuildBefore() throws Exception {
        run("bin/mnemos"); // the build, and an archive recorded at exit
        touch(root.resolve("utm/src/main/java/A.java"));
        run("bin/mnemos"); // the rebuild: the first run's archive is of the old jars
        assertEquals(2, builds());
        assertEquals(1, archives().size(), "only the second run's archive, not yet in place: " + archives());
        assertTrue(archives().get(0).endsWith(".tmp"), archives().toString());
    }

    @Test
    void anArchiveOfTheJarsOfTheBuildBeforeIsNotMovedIntoPlace() throws Exception {
        run("bin/mnemos", "x"); // the build; the run's archive is written at its exit
        List<String> written = archives();
        assertEquals(1, written.size(), written.toString());
        // as if written by a run that started before a rebuild and ended after it: complete, of other jars
        Path target = root.resolve("cli/target");
        Files.move(target.resolve(written.get(0)), target.resolve("app-MnemosCommand.jsa.0-0.999999999.tmp"));
        run("bin/mnemos", "x");
        List<String> now = archives();
        assertEquals(1, now.size(), "the old one deleted, this run's being written: " + now);
        assertTrue(now.get(0).endsWith(".tmp") && !now.get(0).contains(".0-0."), now.toString());
    }

    /** The class-data archives of the mnemos command in cli/target, done or being written. */
    private List<String> archives() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("cli/target"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("app-MnemosCommand")).sorted().toList();
        }
    }

    @Test
    void namsIncubatorWarningIsGoneAndTheRestOfStderrPassesThrough() throws Exception {
        run("bin/mnemos"); // the build, which says so on stderr
        Result help = run("bin/nam", "--help");
        assertEquals("", help.err);
        assertEquals(List.of("probe args=[--help]"), help.lines());
        Result warn = run("bin/nam", "warn");
        assertEquals("probe stderr\n", warn.err);
        Result again = run("bin/nam", "--help"); // with the class-data archive
        assertEquals("", again.err);
    }

    @Test
    void benchRunOfSomeBenchmarksKeepsTheCommittedFullResults() throws Exception {
        Files.createDirectories(root.resolve("bench/results"));
        Files.copy(BIN.resolveSibling("bench/run"), root.resolve("bench/run"));
        Files.writeString(root.resolve("bench/results/jmh.txt"), "the committed full run");
        write(tools.resolve("java"), """
                #!/usr/bin/env bash
                while [ "$#" -gt 0 ]; do [ "$1" = -rff ] && echo "table" > "$2"; shift; done
                """);
        Files.setPosixFilePermissions(tools.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Result r = run(root.resolve("bench/run").toString(), "runtime\\.");
        assertEquals(0, r.rc, r.err);
        assertEquals("the committed full run", Files.readString(root.resolve("bench/results/jmh.txt")));
        assertEquals("table\n", Files.readString(root.resolve("bench/results/jmh-selected.txt")));
    }

    @Test
    void quickCommandsGetC1TheSerialCollectorAndASmallHeapAndTheUsersOptionsWin() throws Exception {
        run("bin/mnemos"); // the build
        String quick = run("bin/mnemos", "jvm").lines().get(0);
        for (String option : List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms16m", "-XX:-UsePerfData")) {
            assertTrue(quick.contains(option), option + " in " + quick);
        }
        String nam = run("bin/nam", "jvm").lines().get(0);
        assertFalse(nam.contains("TieredStopAtLevel") || nam.contains("UseSerialGC"), "nam's SIMD loops want C2: " + nam);
        String mine = run(Map.of("MNEMOS_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "bin/mnemos", "jvm").lines().get(0);
        assertTrue(mine.indexOf("-XX:TieredStopAtLevel=4") > mine.indexOf("-XX:TieredStopAtLevel=1"), "the user's option comes last: " + mine);
    }

    @Test
    void twoLaunchersStartedTogetherOnAFreshCloneBuildOnceAndBothRun() throws Exception {
        write(tools.resolve("mvn"), """
                #!/usr/bin/env bash
                [ -e "%1$s/building" ] && echo overlap >> "%1$s/overlap.log"
                touch "%1$s/building"
                sleep 2   # a build takes a while: the other launcher starts meanwhile
                echo "$*" >> "%1$s/mvn.log"
                printf '\033[0m\033[0m' >&2   # what Maven 3.8 prints in batch mode, even with -q
                mkdir -p cli/target/lib
                cp "%3$s" cli/target/%2$s.tmp && mv cli/target/%2$s.tmp cli/target/%2$s
                cp "%3$s" cli/target/lib/mnemos-utm-0.1.0-SNAPSHOT.jar
                rm "%1$s/building"
                """.formatted(dir, JAR, dir.resolve("probe.jar")));
        Process first = start("bin/mnemos", "first");
        Process second = start("bin/nam", "second");
        Result a = finish(first);
        Result b = finish(second);
        assertEquals(0, a.rc, a.err);
        assertEquals(0, b.rc, b.err);
        assertEquals(List.of("probe args=[first]"), a.lines());
        assertEquals(List.of("probe args=[second]"), b.lines());
        assertFalse(Files.exists(dir.resolve("overlap.log")), "two builds ran at once");
        assertEquals(1, builds(), "the launcher that waited found the build done");
        assertTrue((a.err + b.err).contains("waiting for another launcher's build of cli..."), a.err + b.err);
    }

    @Test
    void aCrashingJvmWritesItsReportWhereOnlyTheUserCanReadAndSaysWhere() throws Exception {
        run("bin/mnemos"); // the build
        Path cache = dir.resolve("my cache");
        Files.createDirectories(cache.resolve("mnemos/crash")); // there already, readable by all: made the user's alone
        Files.setPosixFilePermissions(cache.resolve("mnemos/crash"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Result r = run(Map.of("XDG_CACHE_HOME", cache.toString()), "bin/mnemos", "crash", "password=SECRET");
        assertEquals(134, r.rc, "SIGABRT after the fault was reported");
        Path crashes = cache.resolve("mnemos/crash");
        List<Path> reports;
        try (Stream<Path> files = Files.list(crashes)) {
            reports = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList();
        }
        assertEquals(1, reports.size());
        assertTrue(Files.readString(reports.get(0)).contains("password=SECRET"), "the report holds the command line");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(crashes)));
        assertTrue(r.err.contains("mnemos: the JVM running MnemosCommand crashed, its report (readable by you only) is " + reports.get(0)),
                "stderr names the report: " + r.err);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList(),
                    "no report in the current directory");
        }
    }

    int builds() throws IOException {
        Path log = dir.resolve("mvn.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    Process start(String launcher, String... args) throws IOException {
        return start(Map.of(), launcher, args);
    }

    Process start(Map<String, String> env, String launcher, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.startsWith("/") ? launcher : root.resolve(launcher).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("PATH", tools + ":" + System.getenv("PATH"));
        for (String jvmOptions : List.of("MNEMOS_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) pb.environment().remove(jvmOptions);
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString()); // crash reports: not the user's
        pb.environment().remove("LANG");
        pb.environment().remove("LC_CTYPE");
        pb.environment().put("LC_ALL", "C.UTF-8"); // (a UTF-8 locale: the native executable runs only in one)
        pb.environment().putAll(env);
        return pb.start();
    }

    Result run(String launcher, String... args) throws Exception {
        return run(Map.of(), launcher, args);
    }

    Result run(Map<String, String> env, String launcher, String... args) throws Exception {
        return finish(start(env, launcher, args));
    }

    static Result finish(Process p) throws Exception {
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out, err);
    }

    record Result(int rc, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /**
     * A jar whose dev.mnemos.cli.run.MnemosCommand, dev.mnemos.cli.nam.NamCommand and dev.mnemos.cli.utm.UtmRun print their pid
     * ("sleep"), a line on stderr ("warn"), or their arguments, or crash the JVM ("crash" and a word).
     */
    Path probeJar() throws IOException {
        List<String> names = new ArrayList<>();
        for (String main : List.of("run/MnemosCommand", "nam/NamCommand", "utm/UtmRun")) {
            String pkg = main.substring(0, main.indexOf('/'));
            String cls = main.substring(main.indexOf('/') + 1);
            names.add("dev/mnemos/cli/" + main + ".class");
            write(dir.resolve("probe/dev/mnemos/cli/" + main + ".java"), """
                package dev.mnemos.cli.%s;
                public class %s {
                    public static void main(String[] args) throws Exception {
                        if (args.length == 1 && args[0].equals("sleep")) {
                            System.out.println("probe pid=" + ProcessHandle.current().pid());
                            Thread.sleep(60_000);
                        }
                        if (args.length == 1 && args[0].equals("warn")) System.err.println("probe stderr");
                        if (args.length == 1 && args[0].equals("jvm")) {
                            System.out.println(String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
                        }
                        if (args.length == 2 && args[0].equals("crash")) { // a fault: the JVM dies with SIGSEGV
                            java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                            f.setAccessible(true);
                            ((sun.misc.Unsafe) f.get(null)).putAddress(0, 42);
                        }
                        System.out.println("probe args=" + java.util.Arrays.toString(args));
                    }
                }
                """.formatted(pkg, cls));
        }
        Path classes = Files.createDirectories(dir.resolve("probe-classes"));
        List<String> javac = new ArrayList<>(List.of("-d", classes.toString()));
        for (String name : names) javac.add(dir.resolve("probe").resolve(name.replace(".class", ".java")).toString());
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(String[]::new)));
        Path jar = dir.resolve("probe.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : names) {
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(classes.resolve(name)));
                out.closeEntry();
            }
        }
        return jar;
    }
}
