package dev.mnemos.cli.readme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.mnemos.poem.sim.SimulatedModel;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import dev.mnemos.utm.bench.FakeModels;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.ReferenceProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The model behind every README command that names one: WireMock speaking Ollama's
 * {@code /api/generate}, {@code /api/chat} and {@code /api/show} and the OpenAI-compatible
 * {@code /v1/completions} and {@code /v1/chat/completions}. It answers as a plausible model would,
 * by the prompt's kind:
 * <ul>
 * <li>a Lag dictionary lookup ({@code KEY: x VALUE:}): the value the prompt's own dictionary gives,
 *     except that model {@value #LAG_TWO_WRONG} answers {@code zz} for keys {@code abab} and
 *     {@code aead} until the dictionary lists their rule twice (a model that a repair mends);</li>
 * <li>the countdown program ({@code samples/programs/countdown.json}): by its rule;</li>
 * <li>a few-shot classification (poem): {@link SimulatedModel}'s rule, the label of the example
 *     shown last with probability 0.9, else the majority label, from the assistant turns (chat) or
 *     the examples' last words (completion);</li>
 * <li>anything else: as U15,2's reference machine would (the last instruction's right answer);
 *     model {@value #WRONG_WAY} moves the wrong way on G/0 and N/1 until the boot holds their
 *     demonstrations (a model that utm-bench's repair mends).</li>
 * </ul>
 */
public final class StandIn implements ResponseDefinitionTransformerV2 {

    static final String NAME = "readme-stand-in";
    static final String LAG_TWO_WRONG = "llama3.1";
    static final String WRONG_WAY = "wrong-way";
    private static final PromptSet U152 = PromptFiles.u152();
    private static final Set<String> WRONG_KEYS = Set.of("abab", "aead");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COUNTDOWN = Pattern.compile("\" op=\"halt\" \"\nn = (\\d+)\nif");
    private static final Pattern LAG_KEY = Pattern.compile("(?m)^KEY: (\\S+)\\s*VALUE:\\s*$");
    private static final Pattern EXAMPLE_OUTPUT = Pattern.compile("[A-Z][\\w ]*: (.+)");
    private static final Pattern LABEL_QUESTION = Pattern.compile("(?s).*Answer with one word.*");
    private final ReferenceProcessor reference = new ReferenceProcessor(PromptFiles.u152());
    private final SimulatedModel classifier = new SimulatedModel(0.9, 42);

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
        String url = event.getRequest().getUrl();
        try {
            if (url.startsWith("/api/show")) { // lag-check asks for the model's context first
                return json("{\"parameters\":\"\",\"model_info\":{\"llama.context_length\":8192}}");
            }
            Api api = url.startsWith("/api/chat") ? Api.OLLAMA_CHAT : url.startsWith("/api/generate") ? Api.OLLAMA_GENERATE
                    : url.startsWith("/v1/chat/completions") ? Api.OPENAI_CHAT : url.startsWith("/v1/completions") ? Api.OPENAI_COMPLETIONS : null;
            if (api == null) return aResponse().withStatus(404).withBody("{\"error\":\"no such endpoint: " + url + "\"}").build();
            JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
            String model = request.path("model").asText();
            return json(api.body(model, answer(request, model, event.getRequest().getBodyAsString()), false));
        } catch (Exception e) {
            return aResponse().withStatus(500).withBody("{\"error\":\"stand-in: " + e + "\"}").build();
        }
    }

    private static ResponseDefinition json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body).build();
    }

    private String answer(JsonNode request, String model, String body) throws Exception {
        JsonNode messages = request.path("messages");
        String prompt = messages.isArray() ? messages.get(messages.size() - 1).path("content").asText() : request.path("prompt").asText();
        String all = messages.isArray() ? messages.toString() : prompt;
        Matcher key = LAG_KEY.matcher(prompt);
        if (key.find()) return lookup(prompt, key.group(1), model);
        Matcher countdown = COUNTDOWN.matcher(prompt);
        int last = -1;
        while (countdown.find()) last = Integer.parseInt(countdown.group(1)); // the prompt's own line comes last
        if (last >= 0) return last == 0 ? " \" op=\"halt\" \"" : " \" n-=1 op=\"%[A]\" \"";
        if (LABEL_QUESTION.matcher(all).matches()) return classifier.answer(labels(messages, prompt), classifier.hash(body));
        String right = reference.process(prompt).text();
        return model.equals(WRONG_WAY) ? wrongWay(prompt, right) : right;
    }

    /** As {@link #WRONG_WAY} answers: the move turned the other way on G/0 and N/1 while the boot holds no demonstration of them. */
    private static String wrongWay(String prompt, String right) {
        String question = prompt.substring(prompt.lastIndexOf("\nresult = "));
        for (String cell : List.of("G/0", "N/1")) {
            String state = cell.substring(0, 1), symbol = cell.substring(2);
            String asked = U152.prompt(state, symbol);
            if (question.equals(asked.substring(asked.lastIndexOf("\nresult = "))) && !prompt.contains(FakeModels.demonstration(state, symbol))) {
                return FakeModels.wrongMove(right);
            }
        }
        return right;
    }

    private static String lookup(String prompt, String key, String model) {
        Matcher rule = Pattern.compile("(?m)^" + Pattern.quote(key) + ":(\\S*)$").matcher(prompt);
        int listed = 0;
        String value = "no such key";
        while (rule.find()) {
            listed++;
            value = rule.group(1);
        }
        return model.equals(LAG_TWO_WRONG) && WRONG_KEYS.contains(key) && listed < 2 ? "zz" : value;
    }

    /** The labels of the examples shown, in order: the assistant turns, or each example block's last word. */
    private static List<String> labels(JsonNode messages, String prompt) {
        List<String> labels = new ArrayList<>();
        if (messages.isArray() && messages.size() > 1) {
            for (JsonNode m : messages) {
                if (m.path("role").asText().equals("assistant")) labels.add(m.path("content").asText().strip());
            }
            return labels;
        }
        String[] blocks = prompt.split("\n\n");
        for (int i = 0; i < blocks.length - 1; i++) { // the last block is the query
            String[] lines = blocks[i].strip().split("\n");
            Matcher field = EXAMPLE_OUTPUT.matcher(lines[lines.length - 1]);
            if (field.matches()) labels.add(field.group(1).strip());
        }
        return labels;
    }
}
