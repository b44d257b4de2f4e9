package dev.mnemos.bench.utm;

import dev.mnemos.utm.bitag.BiTagExamples;
import dev.mnemos.utm.bitag.BiTagProgram;

/** The bi-tag programs the utm benchmarks run: samples/bitag/'s, from utm's jar, so the jar runs from anywhere. */
final class Programs {

    /** samples/bitag/worked-example.json: 11,849 U15,2 steps. */
    static final BiTagProgram WORKED = BiTagExamples.worked();
    static final int WORKED_STEPS = 11_849;

    /** samples/bitag/spec-example.json: 120,965 U15,2 steps (the "120,000-step class"). */
    static final BiTagProgram SPEC = BiTagExamples.spec();
    static final int SPEC_STEPS = 120_965;

    private Programs() {}
}
