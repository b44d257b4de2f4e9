package dev.mnemos.bench.nam;

import dev.mnemos.nam.experiment.ModelSizes;
import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.task.Reverse;
import dev.mnemos.nam.task.Task;
import dev.mnemos.nam.train.Models;
import dev.mnemos.nam.train.Trainer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Batched against unbatched training steps, alternately, in CPU time (so that other work on a shared
 * machine, which makes JMH's wall-clock scores swing, counts less): per model, rounds of 300 steps
 * of 8 reverse sequences of size 5 in each mode in turn, after a warm-up; the median CPU time per
 * step of each mode and their ratio, both of this thread (the arithmetic) and of the whole process
 * (that and the garbage collector's threads, which batching relieves: fewer, larger tensors).
 *
 * <p>java --add-modules jdk.incubator.vector -cp 'bench/target/benchmarks.jar:bench/target/lib/*' dev.mnemos.bench.nam.BatchedTrainingAB [rounds]
 */
public final class BatchedTrainingAB {

    private BatchedTrainingAB() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Task task = new Reverse();
        System.out.println("| model | thread CPU ms per step, unbatched | batched | ratio | process CPU ms per step, unbatched | batched | ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (ModelKind kind : ModelKind.values()) {
            Trainer[] trainers = new Trainer[2];
            for (int m = 0; m < 2; m++) {
                trainers[m] = Trainer.builder().model(Models.build(ModelSizes.matching(kind, task), 1)).task(task).minLength(5)
                        .maxLength(5).batchSize(8).batched(m == 1).build();
                for (int i = 0; i < 300; i++) {
                    trainers[m].step();
                }
            }
            double[][] thread = new double[2][rounds];
            double[][] process = new double[2][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int m = 0; m < 2; m++) {
                    long t0 = cpu.getCurrentThreadCpuTime();
                    long p0 = os.getProcessCpuTime();
                    for (int i = 0; i < 300; i++) {
                        trainers[m].step();
                    }
                    thread[m][r] = (cpu.getCurrentThreadCpuTime() - t0) / 1e6 / 300;
                    process[m][r] = (os.getProcessCpuTime() - p0) / 1e6 / 300;
                }
            }
            double a = median(thread[0]);
            double b = median(thread[1]);
            double pa = median(process[0]);
            double pb = median(process[1]);
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.2f | %.3f | %.3f | %.2f |%n", kind.label(), a, b, b / a,
                    pa, pb, pb / pa);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
