package dev.mnemos.nam.train;

import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.store.BadFileException;
import dev.mnemos.nam.store.NamFile;
import dev.mnemos.nam.store.Payload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Trained weights in a {@link NamFile} of kind "model": the {@link ModelSpec}, then every
 * parameter tensor by name with its values in double precision.
 *
 * <pre>{@code
 * ModelFile.save(Path.of("reverse.lsam"), model);
 * SequenceModel again = ModelFile.load(Path.of("reverse.lsam"));
 * }</pre>
 */
public final class ModelFile {

    public static final String KIND = "model";

    private ModelFile() {
    }

    public static void save(Path file, SequenceModel model) throws IOException {
        Payload.Writer w = new Payload.Writer();
        write(w, model);
        NamFile.write(file, KIND, w.bytes());
    }

    public static SequenceModel load(Path file) throws IOException {
        Payload.Reader r = new Payload.Reader(file, NamFile.read(file, KIND));
        SequenceModel model = read(r);
        r.end();
        return model;
    }

    static void write(Payload.Writer w, SequenceModel model) {
        ModelSpec s = model.spec();
        w.putString(s.kind().id()).putInt(s.inputs()).putInt(s.outputs()).putInt(s.hidden()).putInt(s.keys()).putInt(s.heads());
        List<String> names = model.params().names();
        w.putInt(names.size());
        for (String name : names) {
            w.putString(name).putDoubles(model.params().get(name).values());
        }
    }

    /** The kind named next in the payload; an unknown one is a bad file. */
    private static ModelKind kind(Payload.Reader r) throws IOException {
        String name = r.getString();
        if (name == null) {
            throw r.bad("bad model description (no kind)");
        }
        try {
            return ModelKind.named(name);
        } catch (IllegalArgumentException e) {
            throw r.bad("bad model description (" + e.getMessage() + ")");
        }
    }

    static SequenceModel read(Payload.Reader r) throws IOException {
        ModelSpec spec;
        try {
            spec = new ModelSpec(kind(r), r.getInt(), r.getInt(), r.getInt(), r.getInt(), r.getInt());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw r.bad("bad model description (" + e.getMessage() + ")");
        }
        long weights = spec.weights();
        if (weights > r.remaining() / Double.BYTES) {
            throw r.bad("a " + spec.kind() + " of these sizes (" + spec.inputs() + " inputs, " + spec.outputs()
                    + " outputs, hidden " + spec.hidden() + ", keys " + spec.keys() + ", heads " + spec.heads() + ") has "
                    + (weights == Long.MAX_VALUE ? "more than 2^63" : String.format(java.util.Locale.ROOT, "%,d", weights))
                    + " weights, more than the file's " + String.format(java.util.Locale.ROOT, "%,d", r.remaining())
                    + " remaining bytes hold");
        }
        SequenceModel model = Models.build(spec, 0);
        List<String> names = model.params().names();
        int n = r.getInt();
        if (n != names.size()) {
            throw r.bad(n + " weight tensors, a " + spec.kind() + " of these sizes has " + names.size());
        }
        for (String expected : names) {
            String name = r.getString();
            double[] values = r.getDoubles();
            Tensor t = model.params().get(expected);
            if (!expected.equals(name) || values.length != t.size()) {
                throw r.bad("weights '" + name + "' (" + values.length + " values) where '" + expected + "' ("
                        + t.size() + ") belongs");
            }
            System.arraycopy(values, 0, t.values(), 0, values.length);
        }
        return model;
    }
}
