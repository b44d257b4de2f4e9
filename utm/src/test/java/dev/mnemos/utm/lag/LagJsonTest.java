package dev.mnemos.utm.lag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LagJsonTest {

    static final String ROTATE = """
            { "name": "rotate",
              "rules": { "a1 b": "b", "b a1": "a1", "b b": "", "a1 a1": "a1 stop" },
              "halt": ["stop"],
              "queue": "a1 b b a1" }
            """;

    @Test
    void readsRulesOfAnyWidthHaltSymbolsAndAQueue() {
        LagProgram p = LagJson.parse(ROTATE, "rotate.json", "x");
        LagSystem s = p.system();
        assertEquals("rotate", s.name());
        assertEquals(4, s.ruleCount());
        assertEquals(0, s.symbolWidth());
        assertEquals("a1 stop", s.valueText(s.rule(s.id("a1"), s.id("a1"))));
        assertEquals(0, s.rule(s.id("b"), s.id("b")).valueLength());
        assertArrayEquals(new int[] {s.id("a1"), s.id("b"), s.id("b"), s.id("a1")}, p.queue());
        assertEquals(List.of(s.id("stop")), s.haltSymbols());
    }

    @Test
    void toJsonRoundTrips() {
        LagProgram p = LagJson.parse(ROTATE, "rotate.json", "x");
        String json = LagJson.toJson(p);
        assertEquals(json, LagJson.toJson(LagJson.parse(json, "again.json", "y")));
    }

    @Test
    void errorsNameTheFileAndTheRule() {
        assertEquals("bad.json: rule 'a1': a key is two symbols separated by a space, got 1",
                message("{\"rules\": {\"a1\": \"b\"}}"));
        assertEquals("bad.json: rule 'a1 b': value symbol 'zz' is read by no key (a typo? a symbol where the system should stop must be declared a halt symbol)",
                message("{\"rules\": {\"a1 b\": \"zz\"}}"));
        assertEquals("bad.json: rule 'a1 b': the value must be a string of symbols, got 3", message("{\"rules\": {\"a1 b\": 3}}"));
        assertEquals("bad.json: queue: symbol 2 'q' of the queue is not a symbol of x", message("{\"rules\": {\"a b\": \"a\"}, \"queue\": \"a q\"}"));
        assertEquals("bad.json: queue: the queue is empty; a Lag system needs at least two symbols to take a step",
                message("{\"rules\": {\"a b\": \"a\"}, \"queue\": \"  \"}"));
        assertEquals("bad.json: unknown key 'rule'; known: [description, halt, name, queue, rules]", message("{\"rule\": {}}"));
        assertEquals(true, message("{\"rules\": {\"a b\": \"a\", \"a b\": \"b\"}}").startsWith("bad.json:1:"));
    }

    private static String message(String json) {
        return assertThrows(LagException.class, () -> LagJson.parse(json, "bad.json", "x")).getMessage();
    }
}
