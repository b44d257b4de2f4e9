package dev.mnemos.runtime.model;

/**
 * The requests a run may still send to its model. Every request takes one, a retry too, so the
 * count a run reports is the requests sent and a call limit bounds them. Not thread-safe: one
 * budget per run.
 */
public final class CallBudget {

    private final long limit;
    private long taken;

    /** @param limit how many requests may be sent (Long.MAX_VALUE: no bound) */
    public CallBudget(long limit) {
        if (limit < 0) throw new IllegalArgumentException("call limit must be 0 or more, got " + limit);
        this.limit = limit;
    }

    public static CallBudget unlimited() {
        return new CallBudget(Long.MAX_VALUE);
    }

    /** Takes one request, before it is sent. */
    public void take() throws CallLimitException {
        if (taken >= limit) throw new CallLimitException(limit);
        taken++;
    }

    /** Requests taken so far. */
    public long taken() {
        return taken;
    }
}
