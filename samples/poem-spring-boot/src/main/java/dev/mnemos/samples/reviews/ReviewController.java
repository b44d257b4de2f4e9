package dev.mnemos.samples.reviews;

import dev.mnemos.poem.Poem;
import dev.mnemos.poem.Selection;
import dev.mnemos.poem.reward.Answers;
import dev.mnemos.poem.spring.ai.PoemAdvisor;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /classify {"review": "..."}} answers {@code {"id", "label", "answer", "order", "basis"}}:
 * the label read out of the model's answer, given the examples in the order POEM chose (their ranks,
 * most similar = 1) and why that order ("learned", or a fallback when the memory knows no similar review).
 * {@code POST /feedback {"id": "...", "label": "negative"}} says what the right label was; POEM's
 * memory learns reward 1 when the model's label was right, 0 when not.
 */
@RestController
class ReviewController {

    record ClassifyRequest(String review) {}

    record Classification(String id, String label, String answer, List<Integer> order, String basis) {}

    record FeedbackRequest(String id, String label) {}

    record FeedbackResult(String id, double reward) {}

    private final ChatClient classifier;
    private final PoemAdvisor poemAdvisor;
    private final List<String> labels;
    private final String userTemplate;
    private final RecentAnswers recent = new RecentAnswers(10_000);

    ReviewController(ChatClient classifier, PoemAdvisor poemAdvisor, Poem poem) {
        this.classifier = classifier;
        this.poemAdvisor = poemAdvisor;
        this.labels = poem.task().labels();
        this.userTemplate = poem.task().user();
    }

    @PostMapping("/classify")
    Classification classify(@RequestBody ClassifyRequest request) {
        if (request.review() == null || request.review().isBlank()) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give a review to classify");
        ChatClientResponse response;
        try { // the review written as the examples' user turns are ("Review: ..."); the advisor takes the template off again
            response = classifier.prompt().user(userTemplate.replace("{input}", request.review())).call().chatClientResponse();
        } catch (RestClientException | NonTransientAiException | TransientAiException e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "the chat model did not answer: " + e.getMessage(), e);
        }
        Selection selection = PoemAdvisor.selection(response).orElseThrow();
        String answer = response.chatResponse().getResult().getOutput().getText();
        String label = Answers.label(answer, labels).orElse(answer.strip());
        String id = UUID.randomUUID().toString();
        recent.put(id, new RecentAnswers.Answer(selection, label));
        return new Classification(id, label, answer, Arrays.stream(selection.action().ranks()).boxed().toList(), selection.basis().name().toLowerCase());
    }

    @PostMapping("/feedback")
    FeedbackResult feedback(@RequestBody FeedbackRequest request) {
        if (request.label() == null || !labels.contains(request.label())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "label must be one of " + labels + ", got " + request.label());
        }
        RecentAnswers.Answer answer = recent.take(request.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no classification " + request.id() + " awaits feedback here (each is taken once; the last 10,000 are kept)"));
        double reward = answer.label().equals(request.label()) ? 1 : 0;
        poemAdvisor.feedback(answer.selection(), reward);
        return new FeedbackResult(request.id(), reward);
    }
}
