package dev.mnemos.poem.spring.boot;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What an application gets by depending on the starter: target/runtime-classpath.txt, the runtime
 * class path Maven resolves for it (its provided dependencies, used when the application has them,
 * are not in it). It holds no LangChain4j HTTP client or model integration, no database driver, graph
 * or NAM, no web server or HTTP client of Spring's; and every jar beyond mnemos-poem's own class path
 * (poem/target/runtime-classpath.txt) is Spring's: Spring Boot's starter, Spring AI's ChatClient and
 * what they bring.
 */
class StarterDependenciesTest {

    /** Group paths of Spring Boot's starter, Spring AI's ChatClient and their dependencies. */
    static final List<String> SPRING = List.of(
            "org/springframework/", "io/micrometer/", "org/hdrhistogram/", "org/latencyutils/", "io/projectreactor/",
            "org/reactivestreams/", "ch/qos/logback/", "org/apache/logging/log4j/", "org/slf4j/", "org/yaml/", "jakarta/annotation/",
            "org/antlr/", "com/github/victools/", "com/fasterxml/classmate/", "com/fasterxml/jackson/", "io/modelcontextprotocol/",
            "com/networknt/", "com/ethlo/", "io/swagger/", "javax/validation/", "com/knuddels/");

    static List<String> classPath(Path file) throws Exception {
        return List.of(Files.readString(file).strip().split(File.pathSeparator));
    }

    /** group/artifact of a jar in the local repository ("org/slf4j/slf4j-api"), or the module of a reactor target/ directory or jar. */
    static String artifact(String entry) {
        String path = entry.replace(File.separatorChar, '/');
        int repo = path.indexOf("/repository/");
        if (repo < 0) return path.replaceFirst("/target(/[^/]+)?/?$", "").replaceFirst(".*/", "module:"); // target/classes, or its jar after package
        String[] parts = path.substring(repo + "/repository/".length()).split("/");
        return String.join("/", List.of(parts).subList(0, parts.length - 2)); // without version and file name
    }

    @Test
    void aModuleIsNamedTheSameByItsClassesAndByItsJar() { // mvn test resolves a module to target/classes, mvn verify to its jar
        assertEquals("module:poem", artifact("/w/poem/target/classes"));
        assertEquals("module:poem", artifact("/w/poem/target/mnemos-poem-0.1.0-SNAPSHOT.jar"));
        assertEquals("org/slf4j/slf4j-api", artifact("/root/.m2/repository/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"));
    }

    @Test
    void theStartersTreeHasNoHttpClientDriverGraphNamOrWebServer() throws Exception {
        List<String> path = classPath(Path.of("target/runtime-classpath.txt"));
        assertTrue(path.stream().anyMatch(e -> e.contains("spring-ai-client-chat")), "the class path was read: " + path);
        for (String unwanted : List.of("langchain4j-http-client", "langchain4j-ollama", "langchain4j-open-ai", "/dev/langchain4j/langchain4j/",
                "/org/postgresql/", "/io/github/jbellis/", "poem-postgres", "poem-graph", "/nam/target", "mnemos-nam", "poem-nam",
                "/cli/target", "picocli", "/http/target", "mnemos-http", "/llama/target", "de/kherud", "spring-ai-ollama", "spring-ai-openai",
                "spring-web", "reactor-netty", "tomcat", "jetty", "undertow", "spring-boot-actuator", "HikariCP", "spring-jdbc")) {
            assertEquals(List.of(), path.stream().filter(e -> e.contains(unwanted)).toList(), unwanted + " is in the starter's dependency tree");
        }
    }

    @Test
    void everyJarBeyondThePoemCoresIsSprings() throws Exception {
        Set<String> core = classPath(Path.of("../poem/target/runtime-classpath.txt")).stream()
                .map(StarterDependenciesTest::artifact).collect(Collectors.toSet());
        assertTrue(core.contains("dev/langchain4j/langchain4j-core"), "the core's class path was read: " + core);
        List<String> beyond = classPath(Path.of("target/runtime-classpath.txt")).stream().map(StarterDependenciesTest::artifact)
                .filter(a -> !core.contains(a) && !a.startsWith("module:"))
                .filter(a -> SPRING.stream().noneMatch((a + "/")::startsWith)).sorted().toList();
        assertEquals(List.of(), beyond, "neither the core's nor Spring's");
        List<String> modules = classPath(Path.of("target/runtime-classpath.txt")).stream().map(StarterDependenciesTest::artifact)
                .filter(a -> a.startsWith("module:")).sorted().toList();
        assertEquals(List.of("module:embed", "module:io", "module:poem", "module:poem-spring-ai", "module:runtime", "module:vectors"), modules);
    }
}
