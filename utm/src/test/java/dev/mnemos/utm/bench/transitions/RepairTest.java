package dev.mnemos.utm.bench.transitions;

import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bench.Bench;
import dev.mnemos.utm.bench.FakeModels;
import dev.mnemos.utm.bench.Repair;
import dev.mnemos.utm.bench.Score;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.mnemos.utm.bench.FakeModels.demonstration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepairTest {

    static final PromptSet U152 = PromptFiles.u152();
    static final Bench.Settings ONE_SAMPLE = new Bench.Settings(1, 2);

    /**
     * A model that answers (state, symbol) wrongly until the prompt holds {@code needed} demonstrations
     * of it, for the pairs in {@code hard}; right everywhere else.
     */
    static Processor learnsFromDemonstrations(Map<String, Integer> hard) {
        return FakeModels.recognising("learns " + hard, (prompt, r, right) -> {
            int needed = hard.getOrDefault(r.state() + "/" + r.symbol(), 0);
            boolean learnt = occurrences(prompt, demonstration(r.state(), r.symbol())) >= needed;
            return Answer.of(learnt ? right : "\" op=\"halt\" \"");
        });
    }

    static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
        return n;
    }

    static Repair.Result<Transitions> repair(Processor p, Repair.Budget budget) throws Exception {
        return new Repair(new Bench(p, ONE_SAMPLE, BenchTest.MODEL), budget).run(Transitions.of(U152, ParseMode.STRICT), new Repair.Listener<>() {
            @Override
            public void answered(int done, int total, int wrong) {
            }
        });
    }

    @Test
    void oneRoundOfDemonstrationsRepairsAModelThatLearnsFromOne() throws Exception {
        Repair.Result<Transitions> r = repair(learnsFromDemonstrations(Map.of("G/0", 1, "N/1", 1)), new Repair.Budget(5, null));
        assertTrue(r.passed());
        assertEquals(2, r.rounds().size());
        assertEquals(List.of("G/0", "N/1"), r.rounds().get(0).report().failing().stream().map(Score::name).toList());
        assertEquals(List.of("G/0", "N/1"), r.last().added());
        assertEquals(U152.boot() + demonstration("G", "0") + demonstration("N", "1"), r.best().report().subject().prompts().boot());
        assertEquals(58, r.calls());
    }

    @Test
    void aTransitionStillFailingGetsAnotherDemonstrationNextRound() throws Exception {
        Repair.Result<Transitions> r = repair(learnsFromDemonstrations(Map.of("G/0", 2, "N/1", 1)), new Repair.Budget(5, null));
        assertTrue(r.passed());
        assertEquals(3, r.rounds().size());
        assertEquals(List.of("G/0"), r.last().added());
        assertEquals(2, occurrences(r.best().report().subject().prompts().boot(), demonstration("G", "0")));
        assertEquals(1, occurrences(r.best().report().subject().prompts().boot(), demonstration("N", "1")));
    }

    @Test
    void theRoundBudgetStopsAModelThatNeverLearnsAndTheBestRoundIsTheFirst() throws Exception {
        Repair.Result<Transitions> r = repair(learnsFromDemonstrations(Map.of("G/0", 99)), new Repair.Budget(2, null));
        assertFalse(r.passed());
        assertEquals(3, r.rounds().size(), "the first bench and two repair rounds");
        assertEquals("the round budget is spent: 2 repair rounds", r.stopped());
        assertEquals(0, r.best().round(), "no round did better, so the shortest boot is kept");
        assertEquals(U152.boot(), r.best().report().subject().prompts().boot());
    }

    @Test
    void theCallBudgetStopsBeforeABenchThatWouldGoPastIt() throws Exception {
        Repair.Result<Transitions> r = repair(learnsFromDemonstrations(Map.of("G/0", 99)), new Repair.Budget(10, 29L * 2 + 28));
        assertFalse(r.passed());
        assertEquals(2, r.rounds().size());
        assertEquals(58, r.calls());
        assertTrue(r.stopped().startsWith("the call budget is spent: 58 of 86 calls made"), r.stopped());
    }

    @Test
    void aCallBudgetBelowOneBenchIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Repair(new Bench(learnsFromDemonstrations(Map.of()), new Bench.Settings(3, 1), BenchTest.MODEL), new Repair.Budget(1, 50L))
                        .run(Transitions.of(U152, ParseMode.STRICT), new Repair.Listener<>() {
                            @Override
                            public void answered(int done, int total, int wrong) {
                            }
                        }));
        assertEquals("the call budget (50) is smaller than one bench (29 questions x 3 samples = 87 calls)", e.getMessage());
    }

    @Test
    void aDemonstrationHasTheBootsShapeAndTheRepairedBootStaysValid() {
        String g0 = Demonstrations.of(U152, "G", "0");
        assertEquals("result = \" op=\"%[H]\" %[i]=\"0\" i-=1 \"\n"
                + "if 0==1 then result = \" op=\"%[G]\" %[i]=\"1\" i-=1 \"\n"
                + "$result\n"
                + "\" op=\"%[H]\" %[i]=\"0\" i-=1 \"\n", g0);
        String boot = Demonstrations.add("no newline at the end", U152, List.<PromptSet.Transition>of());
        assertEquals("no newline at the end\n", boot);
        U152.withBoot(U152.boot() + g0); // the boot must hold no '@[': this would throw
    }

    @Test
    void theAllDemonstrationsBootEndsEveryPromptsTextWithItsAnswer() {
        String boot = Demonstrations.all(U152);
        assertTrue(boot.startsWith(U152.boot()));
        PromptSet all = U152.withBoot(boot);
        assertEquals(29, all.transitions().size());
        for (PromptSet.Transition t : all.transitions()) {
            String question = t.prompt().substring(boot.length());
            assertTrue(boot.contains(question + t.answer() + "\n"), t.state() + " " + t.symbols());
        }
    }
}
