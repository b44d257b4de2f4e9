package dev.mnemos.facts;

/** How a read finds the slots to read (see {@link FactMemory}). */
public enum Reading {
    /**
     * The default: the query's address is the lifted query (as a write addresses a key); the read
     * is then completed to the key the memory holds nearest to it, by reading the memory's own key
     * part, a few times ({@link FactMemory.Builder#settle}), before the value is read.
     */
    SETTLING,
    /**
     * Larimar's read: the address is the least-squares (pseudo-inverse) solution {@code w = k M_K^+}
     * of the query against the memory's key part. Linear in the query, so it tells at most about d
     * facts apart (d = the encoder's dimension): measured in facts/README.md.
     */
    PSEUDO_INVERSE
}
