package io.chainwire.testkit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Small JSON chores on jackson-core's streaming API: reading scalar documents (the raw results of
 * {@link io.chainwire.testkit.Anvil#rpc(String, Object...)}, solc's files) and copying a value's raw text.
 */
public final class JsonText {
    /** The one factory the testkit parses and writes with; it is thread-safe. */
    public static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {}

    /**
     * Reads a JSON document that is a single string.
     *
     * @throws IllegalArgumentException naming {@code where} if the document is anything else
     */
    public static String string(String json, String where) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            expect(parser, parser.nextToken(), JsonToken.VALUE_STRING, where);
            return parser.getText();
        } catch (IOException e) {
            throw malformed(where, e);
        }
    }

    /**
     * Reads the string field {@code field} of a JSON document that is an object.
     *
     * @throws IllegalArgumentException naming {@code where} if there is no such string field
     */
    public static String stringField(String json, String field, String where) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT, where);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field)) {
                    expect(parser, value, JsonToken.VALUE_STRING, where + "." + field);
                    return parser.getText();
                }
                parser.skipChildren();
            }
            throw new IllegalArgumentException(where + ": missing field " + field);
        } catch (IOException e) {
            throw malformed(where, e);
        }
    }

    /** Reads a JSON document that is {@code true} or {@code false}. */
    public static boolean bool(String json, String where) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw new IllegalArgumentException(where + ": expected true or false, found " + describe(token));
            }
            return token == JsonToken.VALUE_TRUE;
        } catch (IOException e) {
            throw malformed(where, e);
        }
    }

    /** Reads a JSON document that is an array of strings. */
    public static List<String> strings(String json, String where) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            expect(parser, parser.nextToken(), JsonToken.START_ARRAY, where);
            List<String> values = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                expect(parser, token, JsonToken.VALUE_STRING, where + "[" + values.size() + "]");
                values.add(parser.getText());
            }
            return values;
        } catch (IOException e) {
            throw malformed(where, e);
        }
    }

    /** Returns the compact JSON text of the value the parser is on, leaving the parser at its last token. */
    public static String copyValue(JsonParser parser) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            generator.copyCurrentStructure(parser);
        }
        return text.toString();
    }

    /** Returns {@code json} re-written without insignificant whitespace. */
    public static String compact(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.nextToken();
            return copyValue(parser);
        } catch (IOException e) {
            throw malformed("JSON text", e);
        }
    }

    /**
     * Fails unless {@code token} is {@code expected}.
     *
     * @throws IllegalArgumentException naming {@code where}, the expected and the found token
     */
    public static void expect(JsonParser parser, JsonToken token, JsonToken expected, String where) {
        if (token != expected) {
            throw new IllegalArgumentException(where + ": expected " + describe(expected) + ", found " + describe(token)
                    + " at " + location(parser));
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.toString();
        }
    }

    private static String location(JsonParser parser) {
        return "line " + parser.currentLocation().getLineNr() + ", column "
                + parser.currentLocation().getColumnNr();
    }

    /** Wraps a parse failure of in-memory JSON text (the only I/O failure it can have). */
    public static IllegalArgumentException malformed(String where, IOException e) {
        String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return new IllegalArgumentException(where + ": malformed JSON: " + reason, e);
    }
}
