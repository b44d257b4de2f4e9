package dev.mnemos.utm.lag;

/** A Lag system and a queue to start it on (empty when the file gave none). */
public record LagProgram(LagSystem system, int[] queue) {

    public LagProgram {
        queue = queue.clone();
    }

    @Override
    public int[] queue() {
        return queue.clone();
    }

    public boolean hasQueue() {
        return queue.length > 0;
    }
}
