package dev.mnemos.poem.eval;

/**
 * One method's result on the held-out queries.
 *
 * @param method   e.g. {@code poem}, {@code random}, {@code best-fixed}
 * @param order    the fixed order it used, or a description ("per query")
 * @param score    mean score (accuracy for exact match) and its 95% interval
 * @param outside  answers that named no allowed label (scored 0)
 */
public record MethodResult(String method, String order, Interval score, int outside) {}
