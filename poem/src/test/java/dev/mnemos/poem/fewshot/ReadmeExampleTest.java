package dev.mnemos.poem.fewshot;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.embed.Encoder;
import dev.mnemos.embed.TestEncoders;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.sim.SampleData;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.train.TrainingLog;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The app of poem/README.md ("In a LangChain4j app"), taken from the README as it is: compiled with
 * nothing but what an application depending on mnemos-poem gets (its runtime class path) and the
 * artifacts the README's Maven block lists, then run against WireMock's Ollama.
 */
class ReadmeExampleTest {

    @RegisterExtension
    static final ModelServer server = new ModelServer();
    @TempDir Path dir;

    static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    /** The README's Java block that holds {@code class ClassifyApp}. */
    static String app() throws Exception {
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme());
        while (block.find()) if (block.group(1).contains("public class ClassifyApp")) return block.group(1);
        throw new AssertionError("poem/README.md shows no ClassifyApp");
    }

    /** groupId:artifactId:version of every dependency in the README's Maven block after the app. */
    static List<String> listedArtifacts() throws Exception {
        String text = readme();
        String xml = text.substring(text.indexOf("```xml", text.indexOf("public class ClassifyApp")));
        xml = xml.substring(0, xml.indexOf("```", 6));
        List<String> out = new ArrayList<>();
        Matcher d = Pattern.compile("<groupId>(.*?)</groupId>\\s*<artifactId>(.*?)</artifactId>.*?<version>(.*?)</version>", Pattern.DOTALL).matcher(xml);
        while (d.find()) out.add(d.group(1) + ":" + d.group(2) + ":" + d.group(3));
        return out;
    }

    /** mnemos-poem's own classes and runtime class path, and the jar of every other artifact the README lists (from the test's class path). */
    static List<String> appClassPath() throws Exception {
        List<String> path = new ArrayList<>(List.of(Path.of("target/classes").toAbsolutePath().toString()));
        for (String entry : Files.readString(Path.of("target/runtime-classpath.txt")).strip().split(File.pathSeparator)) {
            if (!entry.isBlank()) path.add(entry);
        }
        List<String> testPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        for (String gav : listedArtifacts()) {
            String[] g = gav.split(":");
            if (g[0].equals("dev.mnemos")) {
                assertEquals("mnemos-poem", g[1], "the app needs mnemos-poem alone of mnemos's artifacts");
                continue;
            }
            String jar = File.separator + g[0].replace('.', File.separatorChar) + File.separator + g[1] + File.separator + g[2]
                    + File.separator + g[1] + "-" + g[2] + ".jar";
            path.add(testPath.stream().filter(e -> e.endsWith(jar)).findFirst()
                    .orElseThrow(() -> new AssertionError(gav + " is not on the test class path")));
        }
        return path;
    }

    @Test
    void theReadmesAppCompilesWithTheListedArtifactsAloneAndLearns() throws Exception {
        assertEquals(List.of("dev.mnemos:mnemos-poem:0.1.0-SNAPSHOT", "dev.langchain4j:langchain4j:1.18.1",
                "dev.langchain4j:langchain4j-ollama:1.18.1", "org.slf4j:slf4j-nop:2.0.17"), listedArtifacts());
        Path source = Files.createDirectories(dir.resolve("src")).resolve("ClassifyApp.java");
        Files.writeString(source, app());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = javac.run(null, errors, errors, "-d", classes.toString(), "-cp", String.join(File.pathSeparator, appClassPath()),
                source.toString());
        assertEquals(0, compiled, "the README's app does not compile with the listed artifacts:\n" + errors);

        server.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", Api.OLLAMA_CHAT.contentType(false)).withBody(Api.OLLAMA_CHAT.body("llama3.2", "negative", false))));
        Encoder encoder = TestEncoders.miniLm();
        Path memoryFile = dir.resolve("reviews.poem");
        EpisodicMemory empty = EpisodicMemory.builder().dimension(384).build();
        PoemFile.save(memoryFile, new PoemFile.Contents(new MemorySettings(4, ReadSettings.DEFAULT, false, 1000, encoder.id(), 384,
                Permutation.identity(4)), SampleData.reviewsTask(), SampleData.reviews().train().subList(0, 20), empty, new TrainingLog()));

        try (URLClassLoader app = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method run = app.loadClass("ClassifyApp").getDeclaredMethod("classifyAndLearn", Path.class, String.class, Encoder.class);
            run.setAccessible(true);
            run.invoke(null, memoryFile, server.baseUrl(), encoder);
        }
        assertEquals(1, server.findAll(postRequestedFor(urlPathEqualTo("/api/chat"))).size());
        assertEquals(1, PoemFile.load(memoryFile).memory().size(), "the feedback was saved");
        assertEquals(1.0, PoemFile.load(memoryFile).memory().episodes().get(0).reward());
    }
}
