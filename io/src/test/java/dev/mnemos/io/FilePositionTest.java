package dev.mnemos.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FilePositionTest {

    @Test
    void fileLineAndColumnOrLessWhenUnknown() {
        assertEquals("a.json:2:7: missing comma", FilePosition.message("a.json", 2, 7, "missing comma"));
        assertEquals("a.jsonl:3: no \"input\"", FilePosition.message("a.jsonl", 3, "no \"input\""));
        assertEquals("a.json: empty", FilePosition.message("a.json", 0, 0, "empty"));
    }

    @Test
    void theParsersInternalsAreDropped() {
        assertEquals("Unexpected end-of-input: expected close marker for Array (opened at line 2, column 13)",
                FilePosition.clean("Unexpected end-of-input: expected close marker for Array (start marker at [Source: REDACTED "
                        + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 2, column: 13])"));
        assertEquals("Cannot deserialize value of type String from Object value",
                FilePosition.clean("Cannot deserialize value of type `java.lang.String` from Object value (token `JsonToken.START_OBJECT`)\n"
                        + " at [Source: (String)\"{}\"; line: 1, column: 1]"));
        assertEquals("Unrecognized field \"x\", not marked as ignorable",
                FilePosition.clean("Unrecognized field \"x\" (class dev.mnemos.Foo), not marked as ignorable"));
        assertEquals("malformed", FilePosition.clean(null));
    }
}
