package dev.mnemos.cli.readme;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checkout as {@code bin/_launch} finds it after it built a module, made in a scratch directory
 * from the classes this build compiled, so that a README's commands run through the real launcher
 * scripts (a copy of {@code bin/}) as a user runs them, each in a process of its own, without
 * starting Maven inside the build: for each module a command launches, {@code MODULE/target/}
 * holds the module's jar, {@code lib/} with a jar per mnemos module it depends on (by its
 * {@code pom.xml}, as Maven's {@code copy-dependencies} makes it) and the build stamp, so the
 * launcher sees nothing to build and execs java with its own options and class-data archive.
 * The libraries outside mnemos come from this JVM's class path (a jar in {@code lib/} whose
 * manifest names them).
 */
final class BuiltCheckout {

    static final String VERSION = "0.1.0-SNAPSHOT";
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern MNEMOS = Pattern.compile("<artifactId>mnemos-([\\w-]+)</artifactId>");

    private final Path root;
    private final Path repository;
    private final Set<String> built = new LinkedHashSet<>();

    /** Copies the launchers of {@code repository}/bin into {@code root}/bin. */
    BuiltCheckout(Path root, Path repository) throws IOException {
        this.root = root;
        this.repository = repository;
        Path bin = Files.createDirectories(root.resolve("bin"));
        try (Stream<Path> scripts = Files.list(repository.resolve("bin"))) {
            for (Path s : scripts.toList()) {
                Path copy = bin.resolve(s.getFileName());
                Files.copy(s, copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /**
     * Lays out {@code module} as built, once. The module's pom must make {@code target/lib}
     * ({@code copy-dependencies}): without it {@code bin/_launch MODULE} runs the module's jar alone.
     */
    void module(String module) throws IOException {
        if (!built.add(module)) return;
        String pom = Files.readString(repository.resolve(module).resolve("pom.xml"));
        assertTrue(pom.contains("<goal>copy-dependencies</goal>") && pom.contains("${project.build.directory}/lib"),
                "bin/_launch " + module + " runs " + module + "/target/mnemos-" + module + "-" + VERSION + ".jar with " + module
                        + "/target/lib/*, which " + module + "/pom.xml does not make (copy-dependencies)");
        Path target = Files.createDirectories(root.resolve(module).resolve("target"));
        Path lib = Files.createDirectories(target.resolve("lib"));
        jar(classes(module), target.resolve(jarName(module)), null);
        for (String dependency : dependencies(module)) jar(classes(dependency), lib.resolve(jarName(dependency)), null);
        jar(null, lib.resolve("libraries.jar"), libraries());
        Path stamp = target.resolve(".launch-stamp");
        Files.writeString(stamp, "");
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plusSeconds(86_400))); // newer than anything made here
    }

    static String jarName(String module) {
        return "mnemos-" + module + "-" + VERSION + ".jar";
    }

    /** The mnemos modules {@code module} needs at run time, by its pom and theirs (test dependencies left out). */
    List<String> dependencies(String module) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(module));
        while (!todo.isEmpty()) {
            String m = todo.remove(0);
            Matcher d = DEPENDENCY.matcher(Files.readString(repository.resolve(m).resolve("pom.xml")));
            while (d.find()) {
                String block = d.group(1);
                Matcher name = MNEMOS.matcher(block);
                if (!name.find() || block.contains("<scope>test</scope>") || block.contains("<type>test-jar</type>")) continue;
                if (out.add(name.group(1))) todo.add(name.group(1));
            }
        }
        out.remove(module);
        return List.copyOf(out);
    }

    /** The module's classes as this build made them: its target/classes, or its jar when Maven packaged it already. */
    private Path classes(String module) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (p.equals(repository.resolve(module).resolve("target/classes"))) return p;
            if (p.equals(repository.resolve(module).resolve("target").resolve(jarName(module)))) return p;
        }
        Path classes = repository.resolve(module).resolve("target/classes");
        assertTrue(Files.isDirectory(classes), "no classes of " + module + " in this build");
        return classes;
    }

    /** The jars on this JVM's class path that are not mnemos modules (libraries), as file URLs. */
    private static List<String> libraries() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (entry.endsWith(".jar") && !p.getFileName().toString().startsWith("mnemos-")) out.add(p.toUri().toString());
        }
        return out;
    }

    /** A jar of {@code from} (a classes directory, or a jar copied as it is), or an empty one whose manifest names {@code classPath}. */
    private static void jar(Path from, Path jar, List<String> classPath) throws IOException {
        if (from != null && Files.isRegularFile(from)) {
            Files.copy(from, jar);
            return;
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (from == null) return;
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(from.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
    }
}
