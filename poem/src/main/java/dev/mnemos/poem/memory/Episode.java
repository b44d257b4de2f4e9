package dev.mnemos.poem.memory;

import dev.mnemos.poem.action.Permutation;

/**
 * One stored entry of the episodic memory: a state (unit-length query embedding), the action
 * taken, the reward it earned, and when it was inserted (a counter that only grows).
 */
public record Episode(float[] state, Permutation action, double reward, long time) {

    /** The state as its size and first values, not an array's identity. */
    @Override
    public String toString() {
        return "Episode[state=" + dev.mnemos.poem.memory.Episode.brief(state) + ", action=" + action + ", reward=" + reward + ", time=" + time + "]";
    }

    /** {@code 384 dimensions [0.0123, -0.0456, 0.0789, ...]}. */
    static String brief(float[] v) {
        StringBuilder out = new StringBuilder().append(v.length).append(" dimensions [");
        for (int i = 0; i < Math.min(3, v.length); i++) out.append(i > 0 ? ", " : "").append(String.format(java.util.Locale.ROOT, "%.4f", v[i]));
        return out.append(v.length > 3 ? ", ...]" : "]").toString();
    }
}
