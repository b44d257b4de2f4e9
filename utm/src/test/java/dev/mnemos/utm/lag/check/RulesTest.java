package dev.mnemos.utm.lag.check;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bench.Subject;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.RuleFormat;
import dev.mnemos.utm.lag.Synthetic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleCheckTest {

    static final LagSystem SMALL = Synthetic.dictionary(30, 7);
    static final Subject SUBJECT = new Subject("test", "fake", "completion", 0);

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
        RuleCheck check = new RuleCheck(new LagReferenceProcessor(SMALL), new RuleCheck.Settings(2, 3, false), SUBJECT);
        CheckReport r = check.run(Dictionary.of(SMALL, 1L), RuleCheck.Listener.NONE);
        assertEquals(60, r.calls());
        assertTrue(r.allPassed());
        assertEquals(1.0, r.accuracy());
        assertEquals(30, r.dictionaryLines());
    }

    @Test
    void wrongKeysFailAndAreNamed() throws Exception {
        String k1 = SMALL.keyText(SMALL.rules().get(3));
        String k2 = SMALL.keyText(SMALL.rules().get(17));
        RuleCheck check = new RuleCheck(learner(SMALL, Set.of(k1, k2)), new RuleCheck.Settings(1, 2, false), SUBJECT);
        CheckReport r = check.run(Dictionary.of(SMALL, 1L), RuleCheck.Listener.NONE);
        assertEquals(List.of(k1, k2), r.failing().stream().map(RuleScore::key).toList());
        assertEquals(28, r.passedCount());
        assertEquals("zz", r.failing().get(0).wrongAnswers().get(0).raw());
        assertEquals(30, r.tokens().counted());
        assertTrue(CheckTable.render(r).contains("  " + k1 + ": expected \"" + r.failing().get(0).expected() + "\", 0/1 right; got 1 x \"zz\""));
    }

    @Test
    void repairRepeatsFailingRulesUntilTheyPass() throws Exception {
        String k1 = SMALL.keyText(SMALL.rules().get(3));
        RuleCheck check = new RuleCheck(learner(SMALL, Set.of(k1)), new RuleCheck.Settings(1, 2, false), SUBJECT);
        CheckRepair.Result result = new CheckRepair(check, new CheckRepair.Budget(3, null))
                .run(Dictionary.of(SMALL, 5L), 30, new CheckRepair.Listener() {
                    @Override
                    public void answered(int done, int total, int wrong) {}
                });
        assertTrue(result.passed());
        assertEquals(2, result.rounds().size());
        assertEquals(List.of(k1), result.rounds().get(1).added());
        assertEquals(60, result.calls());
        Dictionary repaired = result.best().dictionary();
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
        RuleCheck check = new RuleCheck(never, new RuleCheck.Settings(1, 1, false), SUBJECT);
        CheckRepair.Result byRounds = new CheckRepair(check, new CheckRepair.Budget(2, null)).run(Dictionary.of(SMALL, null), 30, (d, t, w) -> { });
        assertFalse(byRounds.passed());
        assertEquals(3, byRounds.rounds().size());
        assertEquals(0, byRounds.best().round());
        assertEquals("round budget spent (2)", byRounds.stopped());
        CheckRepair.Result byCalls = new CheckRepair(check, new CheckRepair.Budget(9, 70L)).run(Dictionary.of(SMALL, null), 30, (d, t, w) -> { });
        assertEquals(60, byCalls.calls());
        assertEquals("call budget spent (60 of 70 used; a round needs 30)", byCalls.stopped());
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
