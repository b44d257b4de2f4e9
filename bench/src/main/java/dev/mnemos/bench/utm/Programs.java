package dev.mnemos.bench.utm;

import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.bitag.BiTagProgram;

/** The bi-tag programs the utm benchmarks run (copies of samples/bitag/, so the jar runs from anywhere). */
final class Programs {

    /** samples/bitag/worked-example.json: 11,849 U15,2 steps. */
    static final BiTagProgram WORKED = BiTagFormat.parse("""
            { "q": 1, "h": 2, "productions": { "e1 a1": "a1 e2" }, "word": "e1 a1" }""", "worked-example", "worked example");
    static final int WORKED_STEPS = 11_849;

    /** samples/bitag/spec-example.json: 120,965 U15,2 steps (the "120,000-step class"). */
    static final BiTagProgram SPEC = BiTagFormat.parse("""
            { "q": 2, "h": 2, "productions": { "e1 a1": "a2 e1", "e1 a2": "a1 a1 e2" }, "word": "e1 a1 a2" }""",
            "spec-example", "spec example");
    static final int SPEC_STEPS = 120_965;

    private Programs() {}
}
