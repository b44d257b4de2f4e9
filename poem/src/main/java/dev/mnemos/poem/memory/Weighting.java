package dev.mnemos.poem.memory;

/** How the rewards of the k nearest stored states are added up into an action's value. */
public enum Weighting {
    /** Q(a) = sum over neighbours s of cos(q, s) * r(s, a): nearer states count more (the default). */
    SIMILARITY,
    /** Q(a) = sum over neighbours s of r(s, a). */
    PLAIN
}
