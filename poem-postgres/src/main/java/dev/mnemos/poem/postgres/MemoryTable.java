package dev.mnemos.poem.postgres;

import dev.mnemos.poem.store.StoreException;
import dev.mnemos.poem.store.MemorySettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.Aggregate;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.PoemFile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory's one row in {@code poem_memory}: its settings (m, encoder, dimension, L, the read and
 * whether it was tuned, the default order), and since schema 2 its task and example pool as JSON.
 */
final class MemoryTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MemoryTable() {}

    /** What the row holds; task and pool are null when none was stored (schema 1, or the Java API). */
    record Stored(MemorySettings settings, Task task, List<Example> pool) {}

    static Stored read(Connection c, String where) throws SQLException, StoreException {
        try (Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT m, dimension, encoder, capacity, k, weighting, aggregate, tuned, fallback, task, pool"
                     + " FROM poem_memory WHERE id = 1")) {
            if (!r.next()) return null;
            try {
                int m = r.getInt(1), dimension = r.getInt(2), capacity = r.getInt(4);
                if (m < 1 || m > Permutation.MAX_SIZE) throw damaged(where, "m = " + m + ", not 1 to " + Permutation.MAX_SIZE);
                if (dimension < 1) throw damaged(where, "dimension " + dimension);
                if (capacity < 1) throw damaged(where, "capacity " + capacity);
                ReadSettings read = new ReadSettings(r.getInt(5), Weighting.valueOf(r.getString(6)), Aggregate.valueOf(r.getString(7)));
                Permutation fallback = Permutation.parse(r.getString(9));
                if (fallback.size() != m) throw damaged(where, "default order " + fallback + " is not of m = " + m + " ranks");
                MemorySettings s = new MemorySettings(m, read, r.getBoolean(8), capacity, r.getString(3), dimension, fallback);
                List<Example> pool = r.getString(11) == null ? null : pool(JSON.readTree(r.getString(11)));
                if (pool != null && pool.isEmpty()) throw damaged(where, "its example pool is empty");
                return new Stored(s, r.getString(10) == null ? null : task(JSON.readTree(r.getString(10))), pool);
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                throw damaged(where, e.getMessage());
            }
        }
    }

    /** A memory in the database that cannot be used, as a damaged file cannot: one line naming what is wrong. */
    static StoreException damaged(String where, String what) {
        return new StoreException(StoreException.Kind.MISMATCH, where + ": damaged POEM memory in the database (poem_memory: " + what + ")");
    }

    /** Inserts the row unless another process did first; true when this one did. */
    static boolean create(Connection c, MemorySettings s) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO poem_memory (id, m, dimension, encoder, capacity, k, weighting, aggregate, tuned, fallback)"
                        + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            p.setInt(1, s.m());
            p.setInt(2, s.dimension());
            p.setString(3, s.encoder());
            p.setInt(4, s.capacity());
            p.setInt(5, s.k());
            p.setString(6, s.weighting().name());
            p.setString(7, s.read().aggregate().name());
            p.setBoolean(8, s.tuned());
            p.setString(9, s.fallback().toString());
            return p.executeUpdate() == 1;
        }
    }

    static void storeRead(Connection c, ReadSettings read, boolean tuned) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE poem_memory SET k = ?, weighting = ?, aggregate = ?, tuned = ? WHERE id = 1")) {
            p.setInt(1, read.k());
            p.setString(2, read.weighting().name());
            p.setString(3, read.aggregate().name());
            p.setBoolean(4, tuned);
            p.executeUpdate();
        }
    }

    static void storeTaskAndPool(Connection c, Task task, List<Example> pool) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE poem_memory SET task = ?, pool = ? WHERE id = 1")) {
            p.setString(1, json(task));
            p.setString(2, json(pool));
            p.executeUpdate();
        }
    }

    /** Removes everything the memory holds (for a copy that replaces it), in the caller's transaction. */
    static void clear(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE poem_episode, poem_query, poem_order_stats");
            st.execute("DELETE FROM poem_memory");
        }
    }

    private static String json(Task t) {
        ObjectNode task = JSON.createObjectNode();
        task.put("instruction", t.instruction()).put("example", t.example()).put("query", t.query())
                .put("separator", t.separator()).put("user", t.user());
        ArrayNode labels = task.putArray("labels");
        t.labels().forEach(labels::add);
        return task.toString();
    }

    private static String json(List<Example> pool) {
        ArrayNode a = JSON.createArrayNode();
        for (Example e : pool) a.addObject().put("input", e.input()).put("output", e.output());
        return a.toString();
    }

    private static Task task(JsonNode t) {
        List<String> labels = new ArrayList<>();
        t.path("labels").forEach(l -> labels.add(l.asText()));
        return new Task(t.path("instruction").asText(), t.path("example").asText(), t.path("query").asText(),
                t.path("separator").asText(), t.path("user").asText(), labels);
    }

    private static List<Example> pool(JsonNode p) {
        List<Example> pool = new ArrayList<>();
        for (JsonNode e : p) pool.add(new Example(e.path("input").asText(), e.path("output").asText()));
        return pool;
    }
}
