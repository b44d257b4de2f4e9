package dev.mnemos.poem.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The evaluation's results: a table for the terminal and JSON for programs. */
public record EvalReport(int queries, int m, List<MethodResult> methods) {

    public EvalReport {
        methods = List.copyOf(methods);
    }

    public Optional<MethodResult> method(String name) {
        return methods.stream().filter(r -> r.method().equals(name)).findFirst();
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d held-out queries, m = %d%n", queries, m));
        out.append(String.format(Locale.ROOT, "%-20s %-14s %8s   %-17s %8s%n", "method", "order", "score", "95% interval", "outside"));
        for (MethodResult r : methods) {
            Interval s = r.score();
            out.append(String.format(Locale.ROOT, "%-20s %-14s %8.3f   [%6.3f, %6.3f] %8d%n",
                    r.method(), r.order(), s.mean(), s.low(), s.high(), r.outside()));
        }
        return out.toString();
    }

    public String json() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("queries", queries).put("m", m);
        ArrayNode list = root.putArray("methods");
        for (MethodResult r : methods) {
            list.addObject().put("method", r.method()).put("order", r.order())
                    .put("mean", r.score().mean()).put("low", r.score().low()).put("high", r.score().high())
                    .put("n", r.score().n()).put("outside", r.outside());
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
