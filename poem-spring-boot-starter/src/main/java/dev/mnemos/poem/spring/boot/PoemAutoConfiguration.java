package dev.mnemos.poem.spring.boot;

import dev.mnemos.embed.EmbeddingCache;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.spring.ai.PoemAdvisor;
import dev.mnemos.poem.spring.ai.SpringAiEmbeddings;
import dev.mnemos.poem.store.Autosave;
import dev.mnemos.poem.store.FileMemoryStore;
import dev.mnemos.poem.store.MemoryStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * POEM in a Spring Boot application: the encoder, the memory (a file, or the application's own
 * DataSource), the {@link Poem} over it and the {@link PoemAdvisor} for Spring AI's ChatClient; with
 * Actuator, a health indicator and meters. Every bean backs off when the application defines its own
 * of the same type.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnProperty(prefix = "mnemos.poem", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(PoemProperties.class)
public class PoemAutoConfiguration {

    private static final Log LOG = LogFactory.getLog(PoemAutoConfiguration.class);

    /**
     * The encoder: the application's Spring AI {@code EmbeddingModel} when it has exactly one (and
     * {@code mnemos.poem.encoder} is auto or embedding-model), else MiniLM in this process.
     */
    @Bean
    @ConditionalOnMissingBean
    public Encoder poemEncoder(PoemProperties properties, ObjectProvider<EmbeddingModel> embeddingModels) {
        EmbeddingCache cache = EmbeddingCache.inMemory(properties.getEmbeddingCacheSize());
        List<EmbeddingModel> models = properties.getEncoder() == PoemProperties.EncoderKind.MINILM ? List.of() : embeddingModels.stream().toList();
        if (properties.getEncoder() == PoemProperties.EncoderKind.EMBEDDING_MODEL && models.isEmpty()) {
            throw new PoemConfigurationException("mnemos.poem.encoder", "embedding-model", "the application has no Spring AI EmbeddingModel bean");
        }
        if (models.size() > 1) {
            throw new PoemConfigurationException("mnemos.poem.encoder", properties.getEncoder().name().toLowerCase(java.util.Locale.ROOT),
                    "the application has " + models.size() + " EmbeddingModel beans; set mnemos.poem.encoder=minilm, or define"
                    + " POEM's Encoder bean (SpringAiEmbeddings.encoder(model, id))");
        }
        if (models.isEmpty()) {
            return Encoder.builder().miniLm().cache(cache).onNote(LOG::info).build();
        }
        EmbeddingModel model = models.get(0);
        String id = properties.getEncoderId() != null ? properties.getEncoderId() : "spring-ai/" + model.getClass().getName();
        if (properties.getEncoderId() == null) {
            LOG.warn("POEM embeds with the application's EmbeddingModel, known in the memory as " + id + ": set mnemos.poem.encoder-id"
                    + " to the model's name (e.g. ollama/nomic-embed-text), so that a memory refuses another model of the same class");
        }
        return Encoder.builder().model(SpringAiEmbeddings.of(model, id)).id(id).cache(cache).onNote(LOG::info).build();
    }

    /** The memory the properties name, opened (made when new) with its task and example pool; closed on shutdown. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public MemoryStore poemMemoryStore(PoemProperties properties, Encoder encoder, ObjectProvider<DataSource> dataSources,
                                       Environment environment) {
        String writer = environment.getProperty("spring.application.name", "a Spring application") + " ("
                + ManagementFactory.getRuntimeMXBean().getName() + ")"; // who wrote an episode, and who holds a memory file
        return new MemoryStoreFactory(properties, encoder, writer).open(dataSources::getIfUnique);
    }

    @Bean
    @ConditionalOnMissingBean
    SaveFailures poemSaveFailures() {
        return new SaveFailures();
    }

    /**
     * Saves a memory file in the background when feedback changed it, and on shutdown (it holds the
     * file's lock, so a {@code poem train} on the same file is refused meanwhile).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "mnemos.poem.autosave", name = "enabled", havingValue = "true", matchIfMissing = true)
    @ConditionalOnProperty(prefix = "mnemos.poem.memory", name = "file")
    public Autosave poemAutosave(MemoryStore store, PoemProperties properties, SaveFailures failures) {
        String file = properties.getMemory().getFile();
        if (!(store instanceof FileMemoryStore fileStore)) {
            throw new PoemConfigurationException("mnemos.poem.autosave.enabled", "true", "the memory bean is not a memory file; "
                    + "set it false, or define the Autosave bean too");
        }
        try {
            Autosave autosave = Autosave.builder().file(Path.of(file)).contents(fileStore.contents())
                    .every(properties.getAutosave().getEvery())
                    .onFailure(e -> {
                        failures.failed(e);
                        LOG.warn("POEM's autosave of " + file + " failed (the next one tries again): " + e.getMessage());
                    })
                    .start();
            autosave.saveIfChanged(); // a new memory is written at once: its directory is checked at start-up
            return autosave;
        } catch (IOException | RuntimeException e) {
            throw new PoemConfigurationException(MemoryStoreFactory.FILE, file, "cannot save it (" + e.getMessage() + ")", e);
        }
    }

    /** POEM over the memory: its pool embedded, its reads timed and its writes heard by the {@link PoemListener}s. */
    @Bean
    @ConditionalOnMissingBean
    public Poem poem(MemoryStore store, Encoder encoder, ObjectProvider<PoemListener> listeners) {
        Poem poem = store.poem(encoder);
        List<PoemListener> heard = listeners.orderedStream().toList();
        if (heard.isEmpty()) return poem;
        return Poem.builder().pool(poem.pool()).encoder(encoder).estimator(new ObservedEstimator(poem.estimator(), heard))
                .task(poem.task()).m(poem.m()).fallback(poem.fallback()).build();
    }

    /** The advisor for Spring AI's ChatClient: {@code ChatClient.builder(model).defaultAdvisors(poemAdvisor)}. */
    @Bean
    @ConditionalOnMissingBean
    public PoemAdvisor poemAdvisor(Poem poem, ObjectProvider<PoemListener> listeners) {
        List<PoemListener> heard = listeners.orderedStream().toList();
        return PoemAdvisor.builder().poem(poem).onSelection(s -> heard.forEach(l -> l.selected(s))).build();
    }

    /** With Actuator: the memory in {@code /actuator/health} as {@code poem}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "poemHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("poem")
        PoemHealthIndicator poemHealthIndicator(MemoryStore store, ObjectProvider<Autosave> autosave, SaveFailures failures,
                                                ObjectProvider<DataSource> dataSources, PoemProperties properties) {
            DataSource dataSource = properties.getMemory().isDataSource() ? dataSources.getIfUnique() : null;
            return new PoemHealthIndicator(store, autosave.getIfAvailable(), failures, dataSource, properties);
        }
    }

    /** With Micrometer's registry (Actuator): POEM's meters ({@link PoemMetrics}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry",
            "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration"})
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        PoemMetrics poemMetrics(MemoryStore store) {
            return new PoemMetrics(store);
        }
    }
}
