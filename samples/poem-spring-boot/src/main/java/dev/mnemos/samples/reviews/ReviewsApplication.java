package dev.mnemos.samples.reviews;

import dev.mnemos.poem.Poem;
import dev.mnemos.poem.spring.ai.PoemAdvisor;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A review classifier whose few-shot examples POEM chooses and orders, learning from feedback:
 * {@code POST /classify} and {@code POST /feedback} ({@link ReviewController}). The model is Ollama's
 * (application.properties); the starter configures the memory, the encoder and the advisor.
 */
@SpringBootApplication
public class ReviewsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewsApplication.class, args);
    }

    @Bean
    ChatClient reviewClassifier(ChatClient.Builder chatClients, PoemAdvisor poemAdvisor, Poem poem) {
        return chatClients
                .defaultSystem(poem.task().instruction()) // the task file's: "Say whether each review is positive or negative. ..."
                .defaultAdvisors(poemAdvisor)
                .build();
    }
}
