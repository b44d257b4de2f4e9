package dev.mnemos.poem.spring.boot;

import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.Selection;
import dev.mnemos.poem.memory.Aggregate;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.spring.ai.PoemAdvisor;
import dev.mnemos.poem.spring.ai.SpringAiEmbeddings;
import dev.mnemos.poem.store.Autosave;
import dev.mnemos.poem.store.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The auto-configuration's choices and refusals, in application contexts of the starter alone with
 * an application's EmbeddingModel (letter counts: no model to load); and one whole Spring Boot
 * start-up refused, as its user sees it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PoemConfigurationTest {

    @TempDir
    Path dir;

    final LetterEmbeddings embeddings = new LetterEmbeddings();

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PoemAutoConfiguration.class))
                .withBean(EmbeddingModel.class, () -> embeddings)
                .withPropertyValues("mnemos.poem.memory.file=" + dir.resolve("m.poem"), "mnemos.poem.examples=classpath:reviews.jsonl",
                        "mnemos.poem.task=classpath:reviews.task.json");
    }

    static PoemConfigurationException poemFailure(Throwable startup) {
        for (Throwable t = startup; t != null; t = t.getCause()) {
            if (t instanceof PoemConfigurationException p) return p;
        }
        throw new AssertionError("not a POEM configuration failure", startup);
    }

    static String boundFailure(Throwable startup) {
        for (Throwable t = startup; t != null; t = t.getCause()) {
            if (t instanceof BindValidationException b) return b.getValidationErrors().getAllErrors().toString();
        }
        throw new AssertionError("not a failed property", startup);
    }

    @Test
    void aBadPropertyRefusesStartUpWithAMessageNamingIt(CapturedOutput output) {
        SpringApplication app = new SpringApplication(TestApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] args = {"--mnemos.poem.m=0", "--mnemos.poem.memory.file=" + dir.resolve("m.poem"), "--mnemos.poem.examples=classpath:reviews.jsonl",
                "--spring.ai.model.embedding=none", "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"};

        assertThrows(Exception.class, () -> app.run(args).close());

        assertTrue(output.getOut().contains("APPLICATION FAILED TO START"), output.getOut());
        assertTrue(output.getOut().contains("Property: mnemos.poem.m"), output.getOut());
        assertTrue(output.getOut().contains("Reason: examples per request must be 1 to 12"), output.getOut());
        assertFalse(Files.exists(dir.resolve("m.poem")), "nothing written");
    }

    @Test
    void theAppsEmbeddingModelIsTheEncoderAndTheMemoryFileIsMadeAtStartUp() {
        runner().withPropertyValues("mnemos.poem.encoder-id=letters", "mnemos.poem.m=2").run(context -> {
            assertNull(context.getStartupFailure());
            Encoder encoder = context.getBean(Encoder.class);
            assertEquals("letters", encoder.id());
            assertEquals(26, encoder.dimension());
            assertEquals(12, context.getBean(Poem.class).pool().size());
            assertTrue(embeddings.texts.get() >= 12, "the pool went through the app's model");
            MemoryStore store = context.getBean(MemoryStore.class);
            assertEquals("letters", store.settings().encoder());
            assertEquals(2, store.settings().m());
            assertTrue(Files.exists(dir.resolve("m.poem")), "written at start-up");
            assertNotNull(context.getBean(Autosave.class));
            assertSame(context.getBean(Poem.class), context.getBean(PoemAdvisor.class).poem());
        });
    }

    @Test
    void withoutAnEncoderIdTheModelsClassNamesItAndStartUpWarnsThatAnotherModelOfItWouldNotBeTold(CapturedOutput output) {
        runner().run(context -> {
            assertEquals("spring-ai/" + LetterEmbeddings.class.getName(), context.getBean(Encoder.class).id());
            assertTrue(output.getOut().contains("set mnemos.poem.encoder-id to the model's name"), output.getOut());
        });
    }

    @Test
    void anApplicationsOwnBeansWin() {
        Encoder mine = SpringAiEmbeddings.encoder(embeddings, "mine");
        runner().withBean(Encoder.class, () -> mine).withPropertyValues("mnemos.poem.autosave.enabled=false").run(context -> {
            assertSame(mine, context.getBean(Encoder.class));
            assertEquals("mine", context.getBean(MemoryStore.class).settings().encoder());
            assertTrue(context.getBeansOfType(Autosave.class).isEmpty());
        });
    }

    /** An application's own advisor (another order) and a listener of its own. */
    @Configuration(proxyBeanMethods = false)
    static class OwnAdvisorAndListener {
        @Bean
        PoemAdvisor poemAdvisor(Poem poem) {
            return PoemAdvisor.builder().poem(poem).order(42).build();
        }

        @Bean
        Heard heard() {
            return new Heard();
        }
    }

    static final class Heard implements PoemListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        @Override public void read(long nanos) { events.add("read"); }
        @Override public void feedback(double reward) { events.add("feedback " + reward); }
    }

    @Test
    void anApplicationsOwnAdvisorWinsAndItsListenersHearTheReadsAndTheFeedback() {
        runner().withUserConfiguration(OwnAdvisorAndListener.class).run(context -> {
            assertEquals(42, context.getBean(PoemAdvisor.class).getOrder(), "one advisor, the application's");
            Poem poem = context.getBean(Poem.class);
            Selection s = poem.select("The soup was cold.");
            context.getBean(PoemAdvisor.class).feedback(s, 1.0);
            assertEquals(List.of("read", "feedback 1.0"), context.getBean(Heard.class).events);
        });
    }

    @Test
    void theReadSettingsComeFromThePropertiesAndAMemoryKeepsThem() {
        ReadSettings given = new ReadSettings(2, Weighting.PLAIN, Aggregate.MEAN);
        runner().withPropertyValues("mnemos.poem.read.k=2", "mnemos.poem.read.weighting=plain", "mnemos.poem.read.aggregate=mean")
                .run(context -> assertEquals(given, context.getBean(MemoryStore.class).memory().read()));
        runner().run(context -> assertEquals(given, context.getBean(MemoryStore.class).memory().read(), "reopened without them: its own"));
        runner().withPropertyValues("mnemos.poem.read.k=7").run(context ->
                assertEquals(given.withK(7), context.getBean(MemoryStore.class).memory().read(), "a property overrides the memory's"));
    }

    @Test
    void withoutActuatorThereIsNoHealthIndicatorAndNoMeters() {
        runner().run(context -> {
            assertEquals(1, context.getBeansOfType(PoemHealthIndicator.class).size());
            assertEquals(1, context.getBeansOfType(PoemMetrics.class).size());
        });
        runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate")).run(context -> {
            assertNull(context.getStartupFailure());
            assertTrue(context.getBeansOfType(PoemHealthIndicator.class).isEmpty());
            assertTrue(context.getBeansOfType(PoemMetrics.class).isEmpty());
            assertNotNull(context.getBean(PoemAdvisor.class));
        });
    }

    @Test
    void aDatabaseThatDoesNotAnswerMakesTheHealthDownSayingWhy() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        PGSimpleDataSource gone = new PGSimpleDataSource();
        gone.setURL("jdbc:postgresql://127.0.0.1:" + closed + "/reviews");
        Health.Builder health = Health.up();

        DataSourceMemoryHealth.health(health, null, gone, Duration.ofSeconds(2));

        Health h = health.build();
        assertEquals(Status.DOWN, h.getStatus());
        assertTrue(h.getDetails().get("database").toString().startsWith("unreachable: Connection to 127.0.0.1:" + closed + " refused"),
                h.getDetails().toString());
    }

    @Test
    void disabledItConfiguresNothing() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PoemAutoConfiguration.class))
                .withPropertyValues("mnemos.poem.enabled=false").run(context -> {
                    assertNull(context.getStartupFailure());
                    assertTrue(context.getBeansOfType(Poem.class).isEmpty());
                });
    }

    @Test
    void withoutAMemoryLocationStartUpFailsOnThatProperty() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PoemAutoConfiguration.class))
                .withBean(EmbeddingModel.class, () -> embeddings).run(context -> {
                    String errors = boundFailure(context.getStartupFailure());
                    assertTrue(errors.contains("memory.file") && errors.contains("say where POEM's memory is kept"), errors);
                });
        runner().withPropertyValues("mnemos.poem.memory.data-source=true").run(context ->
                assertTrue(boundFailure(context.getStartupFailure()).contains("not both")));
    }

    @Test
    void aBadExampleLineIsNamedWithItsLocationAndLine() {
        runner().withPropertyValues("mnemos.poem.examples=classpath:bad-output.jsonl").run(context -> {
            PoemConfigurationException e = poemFailure(context.getStartupFailure());
            assertEquals("mnemos.poem.examples", e.property());
            assertTrue(e.reason().startsWith("classpath:bad-output.jsonl:2: "), e.reason());
        });
        runner().withPropertyValues("mnemos.poem.examples=" + dir.resolve("missing.jsonl")).run(context ->
                assertEquals("no such file", poemFailure(context.getStartupFailure()).reason()));
    }

    @Test
    void aMemoryOfAnotherMIsRefusedOnMAndLeftAsItWas() throws Exception {
        runner().withPropertyValues("mnemos.poem.m=3").run(context -> assertNull(context.getStartupFailure()));
        byte[] before = Files.readAllBytes(dir.resolve("m.poem"));

        runner().withPropertyValues("mnemos.poem.m=2").run(context -> {
            PoemConfigurationException e = poemFailure(context.getStartupFailure());
            assertEquals("mnemos.poem.m", e.property());
            assertTrue(e.reason().contains("holds a memory of m = 3"), e.reason());
        });
        runner().run(context -> assertEquals(3, context.getBean(MemoryStore.class).settings().m(), "without m: the memory's own"));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("m.poem")));
    }

    @Test
    void aMemoryOfAnotherEncoderIsRefused() {
        runner().withPropertyValues("mnemos.poem.encoder-id=letters").run(context -> assertNull(context.getStartupFailure()));
        runner().withPropertyValues("mnemos.poem.encoder-id=other").run(context -> {
            PoemConfigurationException e = poemFailure(context.getStartupFailure());
            assertEquals("mnemos.poem.memory.file", e.property());
            assertTrue(e.reason().contains("written with encoder letters") && e.reason().contains("mnemos.poem.encoder"), e.reason());
        });
    }

    @Test
    void theDataSourceMemoryNeedsTheApplicationsDataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PoemAutoConfiguration.class))
                .withBean(EmbeddingModel.class, () -> embeddings)
                .withPropertyValues("mnemos.poem.memory.data-source=true", "mnemos.poem.examples=classpath:reviews.jsonl").run(context -> {
                    PoemConfigurationException e = poemFailure(context.getStartupFailure());
                    assertEquals("mnemos.poem.memory.data-source", e.property());
                    assertTrue(e.reason().startsWith("the application has no (single) DataSource bean"), e.reason());
                });
    }

    @Test
    void theEmbeddingModelEncoderNeedsOne() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PoemAutoConfiguration.class))
                .withPropertyValues("mnemos.poem.encoder=embedding-model", "mnemos.poem.memory.file=" + dir.resolve("m.poem")).run(context -> {
                    PoemConfigurationException e = poemFailure(context.getStartupFailure());
                    assertEquals("mnemos.poem.encoder", e.property());
                });
    }

    @Test
    void theFailureAnalysisNamesThePropertyItsValueAndTheReason() {
        PoemConfigurationException e = new PoemConfigurationException("mnemos.poem.examples", "classpath:x.jsonl", "classpath:x.jsonl:2: missing \"input\"");
        var analysis = new PoemFailureAnalyzer().analyze(new IllegalStateException(e), e);
        assertEquals("POEM could not start:\n\n    Property: mnemos.poem.examples\n    Value: classpath:x.jsonl\n"
                + "    Reason: classpath:x.jsonl:2: missing \"input\"\n", analysis.getDescription());
        assertEquals("Update mnemos.poem.examples in your application's configuration.", analysis.getAction());
    }

}
