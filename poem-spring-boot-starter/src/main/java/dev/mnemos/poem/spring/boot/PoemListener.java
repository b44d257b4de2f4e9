package dev.mnemos.poem.spring.boot;

import dev.mnemos.poem.Selection;

/**
 * Hears what POEM does in an application: each selection the advisor makes, each read of the memory
 * and how long it took, each feedback written. {@link PoemMetrics} is one; a bean of this type is
 * called with every event (keep it quick: it runs on the request's thread).
 */
public interface PoemListener {

    /** The advisor chose these examples in this order for a request. */
    default void selected(Selection selection) {}

    /** The memory was read for a query (its k nearest states and their rewards), taking this many nanoseconds. */
    default void read(long nanos) {}

    /** Feedback was written: an order earned this reward on a query. */
    default void feedback(double reward) {}
}
