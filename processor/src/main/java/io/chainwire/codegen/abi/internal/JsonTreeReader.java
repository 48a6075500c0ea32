package io.chainwire.codegen.abi.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.chainwire.codegen.abi.AbiFormatException;
import io.chainwire.codegen.abi.internal.JsonValue.JsonArray;
import io.chainwire.codegen.abi.internal.JsonValue.JsonBoolean;
import io.chainwire.codegen.abi.internal.JsonValue.JsonNull;
import io.chainwire.codegen.abi.internal.JsonValue.JsonNumber;
import io.chainwire.codegen.abi.internal.JsonValue.JsonObject;
import io.chainwire.codegen.abi.internal.JsonValue.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses strict JSON (no comments, no duplicate keys, one document) into a {@link JsonValue} tree whose values know
 * their line and column. Syntax errors name the path of the innermost value being read.
 */
public final class JsonTreeReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Jackson's prefix for the error {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION} raises. */
    private static final String DUPLICATE_PREFIX = "Duplicate field '";
    /** Jackson's rendering of a location inside its messages, reduced to line and column. */
    private static final Pattern EMBEDDED_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final SourceFile source;
    private final JsonParser parser;
    /** The innermost value being read; an error is reported here. */
    private JsonPath current;

    private JsonTreeReader(SourceFile source, JsonParser parser, JsonPath root) {
        this.source = source;
        this.parser = parser;
        this.current = root;
    }

    /**
     * Decodes {@code bytes} as UTF-8 (an initial byte order mark is skipped) and parses the JSON document it holds.
     *
     * @return the document, or empty if it holds nothing but whitespace
     */
    public static Optional<JsonValue> read(SourceFile source, byte[] bytes) throws AbiFormatException {
        String text = decodeUtf8(source, bytes);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        return read(source, text, JsonPath.root());
    }

    /**
     * Parses the JSON document in {@code text}, naming its values relative to {@code root}.
     *
     * @return the document, or empty if it holds nothing but whitespace
     */
    public static Optional<JsonValue> read(SourceFile source, String text, JsonPath root) throws AbiFormatException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonTreeReader reader = new JsonTreeReader(source, parser, root);
            try {
                return reader.readDocument();
            } catch (JsonProcessingException e) {
                throw reader.syntaxError(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string failed", e);
        }
    }

    private Optional<JsonValue> readDocument() throws IOException, AbiFormatException {
        if (parser.nextToken() == null) {
            return Optional.empty();
        }
        JsonPath root = current;
        JsonValue document = readValue(root);
        if (parser.nextToken() != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw source.error(
                    root,
                    at.getLineNr(),
                    at.getColumnNr(),
                    "unexpected content after the end of the JSON document: a file holds exactly one JSON value");
        }
        return Optional.of(document);
    }

    private JsonValue readValue(JsonPath path) throws IOException {
        JsonPath enclosing = current;
        current = path;
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonValue value = switch (parser.currentToken()) {
            case START_OBJECT -> readObject(path, line, column);
            case START_ARRAY -> readArray(path, line, column);
            case VALUE_STRING -> new JsonString(parser.getText(), line, column);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(parser.getText(), line, column);
            case VALUE_TRUE -> new JsonBoolean(true, line, column);
            case VALUE_FALSE -> new JsonBoolean(false, line, column);
            case VALUE_NULL -> new JsonNull(line, column);
            default ->
                throw new IllegalStateException(
                        "JSON parser returned " + parser.currentToken() + " where a value starts");
        };
        current = enclosing;
        return value;
    }

    private JsonObject readObject(JsonPath path, int line, int column) throws IOException {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            members.put(key, readValue(path.key(key)));
        }
        return new JsonObject(members, line, column);
    }

    private JsonArray readArray(JsonPath path, int line, int column) throws IOException {
        List<JsonValue> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(readValue(path.index(elements.size())));
        }
        return new JsonArray(elements, line, column);
    }

    private AbiFormatException syntaxError(JsonProcessingException e) {
        // Limit violations (nesting depth, string length) come without a location of their own.
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String message = e.getOriginalMessage();
        if (message.startsWith(DUPLICATE_PREFIX)) {
            String key = message.substring(DUPLICATE_PREFIX.length(), message.length() - 1);
            return source.error(
                    current.key(key),
                    at.getLineNr(),
                    at.getColumnNr(),
                    "duplicate key " + Quotes.quote(key)
                            + ": a JSON object may hold each key only once; remove one of them");
        }
        return source.error(
                current,
                at.getLineNr(),
                at.getColumnNr(),
                "invalid JSON: " + EMBEDDED_LOCATION.matcher(message).replaceAll("line $1, column $2"));
    }

    private static String decodeUtf8(SourceFile source, byte[] bytes) throws AbiFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < out.length(); i++) {
                char c = out.charAt(i);
                boolean crlf = c == '\r' && i + 1 < out.length() && out.charAt(i + 1) == '\n';
                if ((c == '\n' || c == '\r') && !crlf) {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw source.error(
                    JsonPath.root(),
                    line,
                    out.length() - lineStart + 1,
                    String.format(
                            "the file is not valid UTF-8 (byte 0x%02X at offset %d): save it as UTF-8",
                            bytes[in.position()] & 0xFF, in.position()));
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
