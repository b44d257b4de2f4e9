package dev.mnemos.poem.memory;

/** How the (weighted) rewards an action earned at the k nearest stored states become its value. */
public enum Aggregate {
    /**
     * Q(a) = sum over the neighbours that tried a of w · r(s, a) (the paper's rule). An action tried at
     * more neighbours collects more, which favours the orders tried most often.
     */
    SUM,
    /**
     * Q(a) = (sum of w · r(s, a)) / (sum of w) over the neighbours that tried a: the action's weighted
     * mean reward, whatever the number of neighbours that tried it. Negative similarities count as 0.
     */
    MEAN
}
