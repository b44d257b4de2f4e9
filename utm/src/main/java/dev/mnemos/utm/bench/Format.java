package dev.mnemos.utm.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a kind of subject's reports look: the terminal table, the JSON object (and a repair round's
 * part of it), and the HTML page. Each subject has one ({@code Transitions.FORMAT}, {@code Rules.FORMAT}).
 *
 * @param html the page, given the report and the repair it is the best round of (null without a repair)
 */
public record Format<S extends Subject<S>>(Function<Report<S>, String> table, Function<Report<S>, ObjectNode> json,
                                           Function<Repair.Round<S>, ObjectNode> round, BiFunction<Report<S>, Repair.Result<S>, String> html) {

    /** The report as JSON, with the repair's rounds under {@code repair} when there was one. */
    public ObjectNode json(Report<S> report, Repair.Result<S> repair) {
        ObjectNode o = json.apply(report);
        if (repair != null) o.set("repair", repair.toJson(round));
        return o;
    }
}
