package dev.mnemos.poem.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.mnemos.runtime.model.ModelServerStubs.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A simulated model whose order bias depends on the region of query space: for queries of one
 * region it copies the label of the example shown <em>first</em>, for the other the label of the
 * example shown <em>last</em>, with probability {@code pCopy}; otherwise it answers the examples'
 * majority label. No single order serves both regions. Behind WireMock it speaks Ollama's
 * {@code /api/chat} (examples as assistant turns, the query as the last user turn) and
 * {@code /api/generate} in raw mode (the task's completion prompt, parsed back into examples and
 * query). The draw is a seeded hash of the request body.
 */
public final class RegionalModel implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "regional-model";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Boolean> copiesFirst;
    private final SimulatedModel rule;
    private final double pCopy;

    /** @param copiesFirst per query text: true where the model copies the first example's label, false where the last's */
    public RegionalModel(Map<String, Boolean> copiesFirst, double pCopy, long seed) {
        this.copiesFirst = Map.copyOf(copiesFirst);
        this.rule = new SimulatedModel(0, seed);
        this.pCopy = pCopy;
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
        String body = event.getRequest().getBodyAsString();
        try {
            JsonNode request = JSON.readTree(body);
            boolean chat = request.has("messages");
            List<String> labels = new ArrayList<>();
            String query = chat ? fromChat(request, labels) : fromPrompt(request, labels);
            Boolean first = copiesFirst.get(query);
            if (first == null) return aResponse().withStatus(400).withBody("{\"error\":\"unknown query: " + query + "\"}").build();
            String label = answer(labels, first, rule.hash(body));
            Api api = chat ? Api.OLLAMA_CHAT : Api.OLLAMA_GENERATE;
            return aResponse().withStatus(200).withHeader("Content-Type", api.contentType(false))
                    .withBody(api.body(request.path("model").asText(), label, false)).build();
        } catch (Exception e) {
            return aResponse().withStatus(400).withBody("{\"error\":\"bad request\"}").build();
        }
    }

    String answer(List<String> labels, boolean first, long hash) {
        if (labels.isEmpty()) return "unknown";
        double u = (hash >>> 11) * 0x1.0p-53;
        if (u >= pCopy) return SimulatedModel.majority(labels);
        return first ? labels.get(0) : labels.get(labels.size() - 1);
    }

    /** Examples are assistant turns; the query is the last user turn, "Review: TEXT". */
    private static String fromChat(JsonNode request, List<String> labels) {
        String query = null;
        for (JsonNode m : request.path("messages")) {
            String role = m.path("role").asText();
            if ("assistant".equals(role)) labels.add(m.path("content").asText());
            if ("user".equals(role)) query = m.path("content").asText();
        }
        return strip(query);
    }

    /** The raw prompt: instruction, "Review: X\nSentiment: Y" blocks, then "Review: Q\nSentiment:". */
    private static String fromPrompt(JsonNode request, List<String> labels) {
        if (!request.path("raw").asBoolean()) throw new IllegalArgumentException("the completion path must be raw");
        String[] blocks = request.path("prompt").asText().split("\n\n");
        for (int i = 1; i < blocks.length - 1; i++) {
            int at = blocks[i].lastIndexOf("\nSentiment: ");
            labels.add(blocks[i].substring(at + "\nSentiment: ".length()).strip());
        }
        String last = blocks[blocks.length - 1];
        return strip(last.substring(0, last.indexOf("\nSentiment:")));
    }

    private static String strip(String text) {
        return text.startsWith("Review: ") ? text.substring("Review: ".length()) : text;
    }
}
