package dev.mnemos.poem.store;

import dev.mnemos.poem.action.Permutation;

import java.nio.file.Path;
import java.util.Random;

/**
 * The child process of AutosaveTest's kill -9 test: grows a memory and saves it over and over,
 * printing "saved N" (N entries) after each save, until it is killed.
 */
public final class SaveLoop {

    static final int STEP = 1_000;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        PoemFile.Contents c = AutosaveTest.contents(384, 1_000_000);
        Random random = new Random(System.nanoTime());
        while (true) {
            for (int i = 0; i < STEP; i++) {
                float[] s = new float[384];
                for (int j = 0; j < 384; j++) s[j] = (float) random.nextGaussian();
                c.memory().write(s, Permutation.fromIndex(3, random.nextInt(6)), random.nextInt(2));
            }
            PoemFile.save(file, c);
            System.out.println("saved " + c.memory().size());
            System.out.flush();
        }
    }
}
