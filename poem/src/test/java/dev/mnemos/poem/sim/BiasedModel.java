package dev.mnemos.poem.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.mnemos.runtime.model.ModelServerStubs.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A simulated chat model with a known order bias, behind WireMock's Ollama /api/chat protocol.
 * It reads the request's messages (examples as user/assistant turns, the query last) and answers
 * with the label of the example placed last with probability {@code pLast}; otherwise with the
 * label most of the examples carry (ties: the one shown first). The draw is a seeded hash of the
 * request body, so the same prompt always gets the same answer and runs are reproducible. The
 * decision is {@link SimulatedModel}'s; this puts it behind HTTP.
 * Some answers come wrapped in prose, as real models do.
 */
public final class BiasedModel implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "biased-model";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatedModel rule;
    private final AtomicLong requests = new AtomicLong();

    public BiasedModel(double pLast, long seed) {
        this.rule = new SimulatedModel(pLast, seed);
    }

    public long requests() {
        return requests.get();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        requests.incrementAndGet();
        String body = event.getRequest().getBodyAsString();
        try {
            JsonNode request = JSON.readTree(body);
            String model = request.path("model").asText();
            List<String> labels = new ArrayList<>();
            for (JsonNode m : request.path("messages")) {
                if ("assistant".equals(m.path("role").asText())) labels.add(m.path("content").asText());
            }
            long h = rule.hash(body);
            String label = rule.answer(labels, h);
            String answer = switch ((int) ((h >>> 3) & 3)) {
                case 0 -> "The answer is " + label + ".";
                case 1 -> label.substring(0, 1).toUpperCase() + label.substring(1);
                default -> label;
            };
            return aResponse().withStatus(200)
                    .withHeader("Content-Type", Api.OLLAMA_CHAT.contentType(false))
                    .withBody(Api.OLLAMA_CHAT.body(model, answer, false)).build();
        } catch (Exception e) {
            return aResponse().withStatus(400).withBody("{\"error\":\"bad request: " + e.getMessage() + "\"}").build();
        }
    }
}
