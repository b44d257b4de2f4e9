package dev.mnemos.utm.lag.check;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bench.Bench;
import dev.mnemos.utm.bench.ModelInfo;
import dev.mnemos.utm.bench.Repair;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.Score;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.RuleFormat;
import dev.mnemos.utm.lag.Synthetic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesTest {

    static final LagSystem SMALL = Synthetic.dictionary(30, 7);
    static final ModelInfo MODEL = new ModelInfo("test", "fake", "completion", 0);

    static Report<Rules> check(Processor p, int samples, int concurrency, Dictionary d) throws Exception {
        return new Bench(p, new Bench.Settings(samples, concurrency), MODEL).run(Rules.of(d, false), Bench.Listener.NONE);
    }

    static Repair.Result<Rules> repair(Processor p, int concurrency, Repair.Budget budget, Dictionary d) throws Exception {
        return new Repair(new Bench(p, new Bench.Settings(1, concurrency), MODEL), budget).run(Rules.of(d, false), new Repair.Listener<>() {
            @Override
            public void answered(int done, int total, int wrong) {}
        });
    }

    /** Wrong on the given keys until the dictionary lists their rule twice; right elsewhere. */
    static Processor learner(LagSystem system, Set<String> hard) {
        LagReferenceProcessor right = new LagReferenceProcessor(system);
        return new Processor() {
            @Override
            public Answer process(String prompt) {
                String value = right.process(prompt).text();
                String key = prompt.substring(prompt.lastIndexOf(Dictionary.KEY_LINE) + 5).lines().findFirst().orElseThrow();
                String line = key + ":" + value + "\n";
                boolean twice = prompt.indexOf(line) != prompt.lastIndexOf(line);
                return new Answer(hard.contains(key) && !twice ? "zz" : value, 100, 1);
            }

            @Override
            public String fingerprint() {
                return "learner";
            }
        };
    }

    @Test
    void theReferenceIsRightOnEveryRule() throws Exception {
        Report<Rules> r = check(new LagReferenceProcessor(SMALL), 2, 3, Dictionary.of(SMALL, 1L));
        assertEquals(60, r.calls());
        assertTrue(r.allPassed());
        assertEquals(1.0, r.accuracy());
        assertEquals(30, r.subject().dictionary().lines().size());
    }

    @Test
    void wrongKeysFailAndAreNamed() throws Exception {
        String k1 = SMALL.keyText(SMALL.rules().get(3));
        String k2 = SMALL.keyText(SMALL.rules().get(17));
        Report<Rules> r = check(learner(SMALL, Set.of(k1, k2)), 1, 2, Dictionary.of(SMALL, 1L));
        assertEquals(List.of(k1, k2), r.failing().stream().map(Score::name).toList());
        assertEquals(28, r.passedCount());
        assertEquals("zz", r.failing().get(0).wrongAnswers().get(0).raw());
        assertEquals(30, r.tokens().counted());
        String expected = r.subject().expected(r.failing().get(0).question());
        assertTrue(RulesTable.render(r).contains("  " + k1 + ": expected \"" + expected + "\", 0/1 right; got 1 x \"zz\""));
    }

    @Test
    void repairRepeatsFailingRulesUntilTheyPass() throws Exception {
        String k1 = SMALL.keyText(SMALL.rules().get(3));
        Repair.Result<Rules> result = repair(learner(SMALL, Set.of(k1)), 2, new Repair.Budget(3, null), Dictionary.of(SMALL, 5L));
        assertTrue(result.passed());
        assertEquals(2, result.rounds().size());
        assertEquals(List.of(k1), result.rounds().get(1).added());
        assertEquals(60, result.calls());
        Dictionary repaired = result.best().report().subject().dictionary();
        assertEquals(31, repaired.lines().size());
        LagSystem back = RuleFormat.parse(RuleFormat.format(SMALL, repaired.lines()), "repaired.txt", 0);
        assertEquals(30, back.ruleCount());
        assertEquals(1, back.repeatedRules());
    }

    @Test
    void repairStopsAtItsBudgetKeepingTheBestRound() throws Exception {
        String k1 = SMALL.keyText(SMALL.rules().get(3));
        Processor never = new Processor() {
            final LagReferenceProcessor right = new LagReferenceProcessor(SMALL);

            @Override
            public Answer process(String prompt) {
                return prompt.endsWith(Dictionary.KEY_LINE + k1 + "\nVALUE: ") ? Answer.of("no") : right.process(prompt);
            }

            @Override
            public String fingerprint() {
                return "never";
            }
        };
        Repair.Result<Rules> byRounds = repair(never, 1, new Repair.Budget(2, null), Dictionary.of(SMALL, null));
        assertFalse(byRounds.passed());
        assertEquals(3, byRounds.rounds().size());
        assertEquals(0, byRounds.best().round());
        assertEquals("the round budget is spent: 2 repair rounds", byRounds.stopped());
        Repair.Result<Rules> byCalls = repair(never, 1, new Repair.Budget(9, 70L), Dictionary.of(SMALL, null));
        assertEquals(60, byCalls.calls());
        assertEquals("the call budget is spent: 60 of 70 calls made, and a bench takes 30", byCalls.stopped());
    }

    @Test
    void answersWrappedInProseAreWrongUnlessLenient() {
        assertEquals(AnswerMatch.EXACT, AnswerMatch.of("  vD \n", "vD"));
        assertEquals(AnswerMatch.WRAPPED, AnswerMatch.of("The value is `vD`.", "vD"));
        assertEquals(AnswerMatch.WRAPPED, AnswerMatch.of("VALUE: vD", "vD"));
        assertEquals(AnswerMatch.WRONG, AnswerMatch.of("vDx", "vD"));
        assertEquals(AnswerMatch.WRONG, AnswerMatch.of("The value is aB.", "vD"));
        assertFalse(AnswerMatch.WRAPPED.accepted(false));
        assertTrue(AnswerMatch.WRAPPED.accepted(true));
    }
}
