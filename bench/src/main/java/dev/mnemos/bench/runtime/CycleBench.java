package dev.mnemos.bench.runtime;

import dev.mnemos.runtime.cache.PromptCache;
import dev.mnemos.runtime.cycle.Instruction;
import dev.mnemos.runtime.cycle.InstructionParser;
import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.runtime.cycle.Reader;
import dev.mnemos.runtime.cycle.SubstitutionException;
import dev.mnemos.runtime.cycle.WriteException;
import dev.mnemos.runtime.cycle.Writer;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.cycle.ParseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One U15,2-sized cycle of the runtime without the model: a 2 KB boot preamble, a 3-line
 * instruction, a 10,000-cell tape in memory.
 * <ul>
 *   <li>{@code readWrite}: Read (substitute the instruction) + Write (parse a model answer, resolve
 *       %[label], apply). Target: under 2 µs median.</li>
 *   <li>{@code readWriteWithCacheLookup}: the same plus the prompt-cache lookup a cached run makes.</li>
 *   <li>{@code read}, {@code parse}: the stages alone.</li>
 * </ul>
 * Each invocation moves the head one cell right, so successive cycles read different cells.
 *
 * <pre>java -jar bench/target/benchmarks.jar 'runtime.CycleBench' -bm sample</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CycleBench {

    static final int TAPE = 10_000;
    static final String ANSWER = " \" op=\"%[B]\" %[i]=\"0\" i+=1 \"\n";

    private final Reader reader = new Reader();
    private final InstructionParser parser = new InstructionParser(ParseMode.STRICT);
    private final Writer writer = new Writer();
    private Memory memory;
    private String a;
    private PromptCache cache;

    @Setup
    public void setUp() {
        memory = new Memory();
        String demo = "result = \" op=\"%[B]\" %[i]=\"0\" i+=1 \"\nif 0==1 then result = \" op=\"%[A]\" %[i]=\"1\" i+=1 \"\n$result\n\" op=\"%[B]\" %[i]=\"0\" i+=1 \"\n"
                + "result = \" op=\"%[G]\" %[i]=\"0\" i-=1 \"\nif 1==1 then result = \" op=\"%[E]\" %[i]=\"0\" i-=1 \"\n$result\n\" op=\"%[E]\" %[i]=\"0\" i-=1 \"\n";
        StringBuilder boot = new StringBuilder();
        while (boot.length() < 2048) boot.append(demo);
        memory.put("boot", boot.toString());
        a = "@[boot]result = \" op=\"%[B]\" %[i]=\"0\" i+=1 \"\nif @[@[i]]==1 then result = \" op=\"%[A]\" %[i]=\"1\" i+=1 \"\n$result\n";
        memory.put("A", a);
        memory.put("B", "@[boot]result = \" op=\"%[C]\" %[i]=\"1\" i+=1 \"\nif @[@[i]]==1 then result = \" op=\"%[A]\" %[i]=\"1\" i+=1 \"\n$result\n");
        Random random = new Random(1);
        for (int c = 0; c < TAPE; c++) memory.put(Integer.toString(c), random.nextBoolean() ? "1" : "0");
        memory.put("op", a);
        memory.put("i", 0);
        cache = PromptCache.inMemory();
        for (int c = 0; c < 2; c++) {
            try {
                memory.put("i", c);
                cache.put("reference", reader.read(memory, a), ANSWER);
            } catch (SubstitutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void wrapHead() {
        if (memory.get("i") instanceof Long i && i >= TAPE - 1) memory.put("i", 0);
    }

    @Benchmark
    public List<Change> readWrite() throws SubstitutionException, ParseException, WriteException {
        wrapHead();
        String prompt = reader.read(memory, memory.read("op"));
        if (prompt.isEmpty()) throw new IllegalStateException();
        return writer.apply(memory, parser.parse(ANSWER));
    }

    @Benchmark
    public List<Change> readWriteWithCacheLookup() throws SubstitutionException, ParseException, WriteException {
        wrapHead();
        memory.put("op", a);
        String prompt = reader.read(memory, a);
        String answer = cache.get("reference", prompt);
        return writer.apply(memory, parser.parse(answer == null ? ANSWER : answer));
    }

    @Benchmark
    public String read() throws SubstitutionException {
        return reader.read(memory, a);
    }

    @Benchmark
    public Instruction parse() throws ParseException {
        return parser.parse(ANSWER);
    }
}
