package dev.mnemos.runtime.cycle;

import java.time.Duration;

/**
 * Bounds on a run. {@code maxSteps} counts cycles over the whole run (a resumed run counts the
 * cycles before it); wall time and model calls count from this start.
 */
public record RunLimits(long maxSteps, Duration maxWall, long maxModelCalls) {

    public static final RunLimits NONE = new RunLimits(Long.MAX_VALUE, null, Long.MAX_VALUE);

    public RunLimits {
        if (maxSteps < 0) throw new IllegalArgumentException("max steps must be 0 or more, got " + maxSteps);
        if (maxModelCalls < 0) throw new IllegalArgumentException("max model calls must be 0 or more, got " + maxModelCalls);
        if (maxWall != null && maxWall.isNegative()) throw new IllegalArgumentException("max wall time must not be negative, got " + maxWall);
    }

    public RunLimits withMaxSteps(long n) {
        return new RunLimits(n, maxWall, maxModelCalls);
    }

    public RunLimits withMaxWall(Duration d) {
        return new RunLimits(maxSteps, d, maxModelCalls);
    }

    public RunLimits withMaxModelCalls(long n) {
        return new RunLimits(maxSteps, maxWall, n);
    }
}
