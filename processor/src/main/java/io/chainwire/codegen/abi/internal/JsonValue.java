package io.chainwire.codegen.abi.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON value with the 1-based line and column where it starts in its text. */
public sealed interface JsonValue {
    /** Returns the line of the value's first character. */
    int line();

    /** Returns the column of the value's first character. */
    int column();

    /** Describes the value for an error message, for example {@code the string "uint"} or {@code an array}. */
    String describe();

    /**
     * A JSON object.
     *
     * @param members the members in document order
     * @param line the line of the opening brace
     * @param column the column of the opening brace
     */
    record JsonObject(Map<String, JsonValue> members, int line, int column) implements JsonValue {
        /** Copies the members, keeping their order. */
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        /** Returns the member named {@code key}, or null. */
        public JsonValue get(String key) {
            return members.get(key);
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    /**
     * A JSON array.
     *
     * @param elements the elements in order
     * @param line the line of the opening bracket
     * @param column the column of the opening bracket
     */
    record JsonArray(List<JsonValue> elements, int line, int column) implements JsonValue {
        /** Copies the elements. */
        public JsonArray {
            elements = List.copyOf(elements);
        }

        @Override
        public String describe() {
            return "an array";
        }
    }

    /**
     * A JSON string.
     *
     * @param value the unescaped text
     * @param line the line of the opening quote
     * @param column the column of the opening quote
     */
    record JsonString(String value, int line, int column) implements JsonValue {
        @Override
        public String describe() {
            return "the string " + Quotes.quote(value);
        }
    }

    /**
     * A JSON number.
     *
     * @param text the number as written
     * @param line the line of its first character
     * @param column the column of its first character
     */
    record JsonNumber(String text, int line, int column) implements JsonValue {
        @Override
        public String describe() {
            return "the number " + text;
        }
    }

    /**
     * {@code true} or {@code false}.
     *
     * @param value the value
     * @param line the line of the literal
     * @param column the column of the literal
     */
    record JsonBoolean(boolean value, int line, int column) implements JsonValue {
        @Override
        public String describe() {
            return String.valueOf(value);
        }
    }

    /**
     * {@code null}.
     *
     * @param line the line of the literal
     * @param column the column of the literal
     */
    record JsonNull(int line, int column) implements JsonValue {
        @Override
        public String describe() {
            return "null";
        }
    }
}
