package dev.mnemos.utm.bench;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.TransitionPrompts;

/** Deterministic stand-ins for a model on U15,2's transition prompts, and the texts they are judged by. */
public final class FakeModels {

    private static final PromptSet U152 = PromptFiles.u152();

    private FakeModels() {}

    /** What a fake model answers to {@code prompt}, which asks the transition {@code asked}, whose right answer is {@code right}. */
    public interface Reply {
        Answer to(String prompt, TransitionPrompts.Recognised asked, String right);
    }

    /** A processor that recognises which transition each prompt asks and answers as {@code reply} says. */
    public static Processor recognising(String fingerprint, Reply reply) {
        TransitionPrompts recogniser = new TransitionPrompts(U152);
        return new Processor() {
            @Override
            public Answer process(String prompt) {
                TransitionPrompts.Recognised asked = recogniser.recognise(prompt);
                return reply.to(prompt, asked, recogniser.answer(asked));
            }

            @Override
            public String fingerprint() {
                return fingerprint;
            }
        };
    }

    /** The right answer with the move turned the other way. */
    public static String wrongMove(String answer) {
        return answer.contains("i+=1") ? answer.replace("i+=1", "i-=1") : answer.replace("i-=1", "i+=1");
    }

    /** A demonstration as the spec's boot has them: the instruction with the symbol written in, then its right answer. */
    public static String demonstration(String state, String symbol) {
        return U152.text(state).replace("@[boot]", "").replace("@[@[i]]", symbol) + U152.expectedAnswer(state, symbol) + "\n";
    }
}
