package io.presencekit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void escapesQuoteBackslashAndControlCharactersAsRfc8259Section7Requires() {
        assertEquals("\"a\\\"b\\\\c\"", Json.write("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\"", Json.write("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u001f\\u007f\"", Json.write("\u0000\u001f\u007f"));
        assertEquals("\"/\"", Json.write("/"));
    }

    @Test
    void escapesJavascriptLineTerminatorsAndUnpairedSurrogatesButKeepsOtherUnicode() {
        assertEquals("\"\\u2028\\u2029\"", Json.write("\u2028\u2029"));
        assertEquals("\"\\ud800x\\udc00\"", Json.write("\ud800x\udc00"));
        assertEquals("\"Zoë 😀\"", Json.write("Zoë 😀"));
    }

    @Test
    void everyCharacterRoundTripsThroughAStrictReaderOnOneLine() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        all.append("😀");
        String json = Json.write(Map.of("k", all.toString()));
        assertFalse(json.contains("\n") || json.contains("\r") || json.contains("\u2028"));
        assertEquals(all.toString(), JsonReader.object(json).get("k"));
    }

    @Test
    void writesNumbersBooleansNullListsAndNestedObjects() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", 409);
        m.put("l", 5L);
        m.put("d", 1.5);
        m.put("t", true);
        m.put("z", null);
        m.put("list", List.of("a", 1));
        m.put("obj", Map.of("x", "y"));
        assertEquals("{\"n\":409,\"l\":5,\"d\":1.5,\"t\":true,\"z\":null,\"list\":[\"a\",1],\"obj\":{\"x\":\"y\"}}",
                Json.write(m));
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }

    @Test
    void eventStartsWithEventAndUriThenFieldsInOrder() {
        Event e = Event.of("contacts", "sip:bob@example.com", "Bob <sip:bob@example.com>").with("name", "Bob")
                .with("groups", List.of("Friends")).with("subscribe", true);
        assertEquals("{\"event\":\"contacts\",\"uri\":\"sip:bob@example.com\",\"name\":\"Bob\","
                + "\"groups\":[\"Friends\"],\"subscribe\":true}", e.toJson());
        assertEquals(Arrays.asList("event", "uri", "name", "groups", "subscribe"),
                List.copyOf(JsonReader.object(e.toJson()).keySet()));
    }

    @Test
    void eventWithoutSubjectHasNullUriAndRefusesReservedNames() {
        Event e = Event.of("error", null, "boom");
        assertTrue(e.toJson().startsWith("{\"event\":\"error\",\"uri\":null"));
        assertThrows(IllegalArgumentException.class, () -> e.with("event", "x"));
        assertThrows(IllegalArgumentException.class, () -> e.with("uri", "x"));
    }
}
