package dev.mnemos.poem.memory;

import dev.mnemos.poem.action.Permutation;

/**
 * One stored entry of the episodic memory: a state (unit-length query embedding), the action
 * taken, the reward it earned, and when it was inserted (a counter that only grows).
 */
public record Episode(float[] state, Permutation action, double reward, long time) {}
