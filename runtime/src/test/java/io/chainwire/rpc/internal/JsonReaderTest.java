package io.chainwire.rpc.internal;

import static io.chainwire.rpc.internal.Responses.trickle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.rpc.internal.JsonReader.Token;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {
    private static final String HASH = "0x9a14e4b276f277c83ed53fb08bc596488389622c8963c928f835c3f3feb6ad39";
    private static final String DOCUMENT = "{\"jsonrpc\":\"2.0\",\"id\":-17,\"result\":[{\"hash\":\"" + HASH + "\","
            + "\"text\":\"caf\u00e9 \\\"\\u00e9\\ud83d\\ude00\\n\\/\",\"n\":[0,-0,1.5e-3,12E+2,true,false,null],\"e\":{}},[]]}";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads every token, with the value of each string, number and name. */
    private static List<String> tokens(JsonReader reader) throws IOException {
        List<String> tokens = new ArrayList<>();
        Token token;
        do {
            token = reader.next();
            tokens.add(
                    switch (token) {
                        case NAME, STRING, NUMBER -> token + " " + reader.text();
                        default -> token.toString();
                    });
        } while (token != Token.END);
        return tokens;
    }

    private static MalformedJson failure(String json) {
        return failure(utf8(json));
    }

    private static MalformedJson failure(byte[] json) {
        return assertThrows(MalformedJson.class, () -> tokens(JsonReader.of(json)));
    }

    private static void assertFailure(String problem, long line, long column, MalformedJson e) {
        assertEquals(problem, e.getMessage());
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), problem);
    }

    @Test
    void readsEveryKindOfToken() throws IOException {
        assertEquals(
                List.of(
                        "BEGIN_OBJECT",
                        "NAME jsonrpc",
                        "STRING 2.0",
                        "NAME id",
                        "NUMBER -17",
                        "NAME result",
                        "BEGIN_ARRAY",
                        "BEGIN_OBJECT",
                        "NAME hash",
                        "STRING " + HASH,
                        "NAME text",
                        "STRING caf\u00e9 \"\u00e9\ud83d\ude00\n/",
                        "NAME n",
                        "BEGIN_ARRAY",
                        "NUMBER 0",
                        "NUMBER -0",
                        "NUMBER 1.5e-3",
                        "NUMBER 12E+2",
                        "TRUE",
                        "FALSE",
                        "NULL",
                        "END_ARRAY",
                        "NAME e",
                        "BEGIN_OBJECT",
                        "END_OBJECT",
                        "END_OBJECT",
                        "BEGIN_ARRAY",
                        "END_ARRAY",
                        "END_ARRAY",
                        "END_OBJECT",
                        "END"),
                tokens(JsonReader.of(utf8(DOCUMENT))));
    }

    @Test
    void readsTheSameFromAStreamWhateverItsChunks() throws IOException {
        List<String> whole = tokens(JsonReader.of(utf8(DOCUMENT)));
        for (int chunk : new int[] {1, 2, 3, 7, 8, 9, 64}) {
            assertEquals(whole, tokens(JsonReader.of(trickle(utf8(DOCUMENT), chunk))), "chunks of " + chunk);
        }
    }

    @Test
    void readsTokensLongerThanItsBuffer() throws IOException {
        String long1 = "x".repeat(100_000);
        String long2 = "\u00e9\\n".repeat(40_000);
        String json = "[\"" + long1 + "\",\"" + long2 + "\"," + "9".repeat(50_000) + "]";

        JsonReader reader = JsonReader.of(trickle(utf8(json), 1000));

        assertEquals(Token.BEGIN_ARRAY, reader.next());
        assertEquals(Token.STRING, reader.next());
        assertEquals(long1, reader.stringValue());
        reader.next();
        assertEquals("\u00e9\n".repeat(40_000), reader.stringValue());
        assertEquals(Token.NUMBER, reader.next());
        assertTrue(reader.isInteger());
        assertFalse(reader.isLong());
        assertEquals(50_000, reader.text().length());
    }

    @Test
    void readsIntegersAsLongsAndTellsWhichDoNotFit() throws IOException {
        JsonReader reader = JsonReader.of(utf8(
                "[-9223372036854775808,9223372036854775807,9223372036854775808," + "-9223372036854775809,-0,1.0,1e2]"));
        reader.next();

        reader.next();
        assertEquals(Long.MIN_VALUE, reader.longValue());
        reader.next();
        assertEquals(Long.MAX_VALUE, reader.longValue());
        reader.next();
        assertTrue(reader.isInteger());
        assertFalse(reader.isLong());
        reader.next();
        assertFalse(reader.isLong());
        reader.next();
        assertEquals(0, reader.longValue());
        reader.next();
        assertFalse(reader.isInteger());
        reader.next();
        assertFalse(reader.isInteger());
        assertEquals("1e2", reader.text());
    }

    @Test
    void decodesHexStraightFromTheBytesAcrossRefills() throws IOException {
        String json =
                "[\"" + HASH + "\",\"" + HASH.toUpperCase().replace("0X", "0x") + "\",\"0x00ff\",\"0x\",\"0x1a\"]";
        byte[] expected = io.chainwire.abi.internal.Hex.decode(HASH);
        for (int chunk : new int[] {1, 5, 8, 1000}) {
            JsonReader reader = JsonReader.of(trickle(utf8(json), chunk));
            reader.next();

            reader.next();
            assertArrayEquals(expected, reader.hexBytes(32));
            reader.next();
            assertArrayEquals(expected, reader.hexBytes(32));
            reader.next();
            assertArrayEquals(new byte[] {0, (byte) 0xff}, reader.hexBytes(-1));
            reader.next();
            assertArrayEquals(new byte[0], reader.hexBytes(-1));
            reader.next();
            assertEquals(26, reader.hexQuantity());
            assertEquals(Token.END_ARRAY, reader.next());
        }
    }

    @Test
    void declinesHexInAnyOtherFormLeavingTheStringReadable() throws IOException {
        JsonReader reader =
                JsonReader.of(utf8("[\"" + HASH.substring(0, 64) + "\",\"\\u0030x00\",\"0x0g\",\"0x123\",1]"));
        reader.next();

        reader.next();
        assertNull(reader.hexBytes(32));
        assertEquals(HASH.substring(0, 64), reader.stringValue());
        reader.next();
        assertNull(reader.hexBytes(-1));
        assertEquals("0x00", reader.stringValue());
        reader.next();
        assertNull(reader.hexBytes(1));
        assertEquals(-1, reader.hexQuantity());
        reader.next();
        assertNull(reader.hexBytes(-1));
        assertEquals(0x123, reader.hexQuantity());
        assertEquals(Token.NUMBER, reader.next());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0x0 | 0",
                "0x7fffffffffffffff | 9223372036854775807",
                "0x8000000000000000 | -1",
                "0x00000000000000001 | -1",
                "0x | -1",
                "0X1 | -1",
                "1 | -1",
            })
    void readsQuantitiesThatFitALong(String quantity, long expected) throws IOException {
        JsonReader reader = JsonReader.of(utf8("\"" + quantity + "\""));
        reader.next();

        assertEquals(expected, reader.hexQuantity());
    }

    @Test
    void matchesFieldNamesFromTheBytesEscapedOrNot() throws IOException {
        FieldNames names = new FieldNames("id", "result", "caf\u00e9");
        JsonReader reader = JsonReader.of(utf8("{\"result\":1,\"\\u0069d\":2,\"ids\":3,\"caf\u00e9\":4,\"\":5}"));
        reader.next();

        List<Integer> numbers = new ArrayList<>();
        while (reader.next() == Token.NAME) {
            numbers.add(reader.nameIn(names));
            reader.next();
        }

        assertEquals(List.of(1, 0, -1, 2, -1), numbers);
    }

    @Test
    void copiesAValueAsItCameAndGoesOnAfterIt() throws IOException {
        String value = "[1, {\"b\" : null, \"c\":\"\\u00e9\"}, [], \"x\"]";
        JsonReader reader = JsonReader.of(trickle(utf8("{\"a\": " + value + " ,\"d\":true}"), 3));
        reader.next();
        reader.next();
        reader.next();

        assertEquals(value, reader.copyValueAsText());
        assertEquals(Token.NAME, reader.next());
        assertEquals("d", reader.stringValue());
        assertEquals(Token.TRUE, reader.next());
    }

    @Test
    void skipsAValueWithEverythingNestedInIt() throws IOException {
        JsonReader reader = JsonReader.of(utf8("[{\"a\":[[[\"x\"]]],\"b\":{}},\"next\"]"));
        reader.next();
        reader.next();

        reader.skipValue();

        assertEquals(Token.END_OBJECT, reader.current());
        assertEquals(Token.STRING, reader.next());
        assertEquals("next", reader.stringValue());
    }

    @Test
    void reportsTheOffsetOfEachToken() throws IOException {
        JsonReader reader = JsonReader.of(trickle(utf8("{ \"ab\" :\n [\"cd\", 12 ] }"), 2));
        List<Long> offsets = new ArrayList<>();
        while (reader.next() != Token.END) {
            offsets.add(reader.tokenOffset());
        }

        assertEquals(List.of(0L, 2L, 10L, 11L, 17L, 20L, 22L), offsets);
    }

    @Test
    void endsEmptyInputAndInputAfterARootValueWithEnd() throws IOException {
        assertEquals(Token.END, JsonReader.of(utf8("")).next());
        assertEquals(Token.END, JsonReader.of(utf8(" \n\t\r ")).next());
        JsonReader reader = JsonReader.of(utf8("{} [] "));
        assertEquals(List.of("BEGIN_OBJECT", "END_OBJECT", "BEGIN_ARRAY", "END_ARRAY", "END"), tokens(reader));
        assertEquals(Token.END, reader.next());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "`{`                  | unexpected end of input, expected a field name or '}' | 2",
                "`{\"a\" 1}`          | unexpected character '1', expected ':'                | 6",
                "`{\"a\":1,}`         | unexpected character '}', expected a field name        | 8",
                "`{\"a\":1]`          | unexpected character ']', expected ',' or '}'          | 7",
                "`{1:2}`              | unexpected character '1', expected a field name or '}' | 2",
                "`[1,]`               | unexpected character ']', expected a value             | 4",
                "`[1 2]`              | unexpected character '2', expected ',' or ']'          | 4",
                "`[1`                 | unexpected end of input, expected ',' or ']'           | 3",
                "`{} x`               | unexpected character 'x', expected a value             | 4",
                "`<html>`             | unexpected character '<', expected a value             | 1",
                "`'a'`                | unexpected character ''', expected a value             | 1",
                "`01`                 | a number with a leading zero                           | 1",
                "`[-01]`              | a number with a leading zero                           | 3",
                "`-`                  | unexpected end of input, expected a digit              | 2",
                "`-a`                 | unexpected character 'a', expected a digit             | 2",
                "`+1`                 | unexpected character '+', expected a value             | 1",
                "`.5`                 | unexpected character '.', expected a value             | 1",
                "`1.`                 | unexpected end of input, expected a digit after the decimal point | 3",
                "`1.e3`               | unexpected character 'e', expected a digit after the decimal point | 3",
                "`1e+`                | unexpected end of input, expected a digit in the exponent | 4",
                "`tru`                | unexpected end of input, expected true                 | 4",
                "`nul1`               | unexpected character '1', expected null                | 4",
                "`True`               | unexpected character 'T', expected a value             | 1",
                "`\"abc`              | unexpected end of input in a string                    | 5",
                "`\"a\\`              | unexpected end of input in a string                    | 4",
                "`\"\\x\"`            | invalid escape \\x in a string                         | 2",
                "`\"\\u12g4\"`        | a \\u escape without four hex digits                   | 2",
                "`\"\\ud800\"`        | an unpaired surrogate \\uD800 in a string              | 2",
                "`\"ab\\udc00\"`      | an unpaired surrogate \\uDC00 in a string              | 4",
                "`\"\\ud800\\u0041\"` | an unpaired surrogate \\uD800 in a string              | 2",
                "`\"\\ud800x\"`       | an unpaired surrogate \\uD800 in a string              | 2",
            })
    void reportsSyntaxErrorsWithTheirPosition(String json, String problem, long column) {
        assertFailure(problem, 1, column, failure(json));
    }

    @Test
    void rejectsControlCharactersInStrings() {
        assertFailure("control character 0x01 in a string; it must be escaped", 1, 4, failure("[\"a\u0001b\"]"));
        assertFailure("control character 0x0a in a string; it must be escaped", 1, 3, failure("\"a\nb\""));
        assertFailure("unexpected byte 0x00, expected a value", 1, 1, failure("\u0000"));
    }

    @Test
    void rejectsInvalidUtf8() {
        assertFailure("invalid UTF-8 (byte 0x28)", 1, 3, failure(new byte[] {'"', 'a', (byte) 0xc3, 0x28, '"'}));
        assertFailure("invalid UTF-8 (byte 0xc0)", 1, 2, failure(new byte[] {'"', (byte) 0xc0, (byte) 0x80, '"'}));
        assertFailure(
                "invalid UTF-8 (byte 0xa0)", 1, 2, failure(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'
                }));
        assertFailure(
                "invalid UTF-8 (byte 0x80)", 1, 2, failure(new byte[] {'"', (byte) 0xe0, (byte) 0x80, (byte) 0x80, '"'
                }));
        assertFailure("invalid UTF-8 (byte 0x90)", 1, 2, failure(new byte[] {
            '"', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'
        }));
        assertFailure("invalid UTF-8 (byte 0xf5)", 1, 2, failure(new byte[] {'"', (byte) 0xf5, '"'}));
        assertFailure("invalid UTF-8 (byte 0x80)", 1, 2, failure(new byte[] {'"', (byte) 0x80, '"'}));
        assertFailure("unexpected end of input in a string", 1, 4, failure(new byte[] {'"', (byte) 0xe2, (byte) 0x82}));
        assertFailure("unexpected byte 0xef, expected a value", 1, 1, failure(new byte[] {
            (byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'
        }));
    }

    @Test
    void countsLinesAndColumns() {
        assertFailure("unexpected character '2', expected ':'", 3, 7, failure("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        assertFailure("unexpected end of input, expected ',' or '}'", 2, 8, failure("{\r\n \"a\": 1"));
    }

    @Test
    void reportsEveryTruncationOfADocumentAsTheEndOfInput() {
        byte[] whole = utf8(DOCUMENT);
        for (int length = 1; length < whole.length; length++) {
            byte[] prefix = java.util.Arrays.copyOf(whole, length);
            MalformedJson e = assertThrows(
                    MalformedJson.class, () -> tokens(JsonReader.of(trickle(prefix, 7))), "length " + length);
            assertTrue(e.getMessage().startsWith("unexpected end of input"), e.getMessage());
            assertEquals(length + 1, e.column(), e.getMessage());
        }
    }

    @Test
    void limitsNestingWithoutUsingTheStack() throws IOException {
        assertEquals(
                2 * JsonReader.MAX_DEPTH + 1,
                tokens(JsonReader.of(utf8("[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH))))
                        .size());
        JsonReader deep =
                JsonReader.of(utf8("[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH) + "7"));
        deep.next();
        deep.skipValue();
        assertEquals(Token.NUMBER, deep.next());

        assertFailure("nesting deeper than 1000 levels", 1, 1001, failure("[".repeat(100_000)));
        assertFailure("nesting deeper than 1000 levels", 1, 5001, failure("{\"a\":".repeat(JsonReader.MAX_DEPTH + 1)));
    }

    @Test
    void limitsTheLengthOfATokenAndOfACopiedValue() {
        MalformedJson token = assertThrows(MalformedJson.class, () -> tokens(JsonReader.of(endless("\"", 'a'))));
        assertFailure("a token longer than 67108864 bytes", 1, 1, token);

        MalformedJson copy = assertThrows(MalformedJson.class, () -> {
            JsonReader reader = JsonReader.of(endless("[\"", 'a'));
            reader.next();
            reader.copyValue();
        });
        assertFailure("a value longer than 67108864 bytes to copy", 1, 1, copy);
    }

    /** A stream of {@code start} and then {@code fill} for ever. */
    private static InputStream endless(String start, char fill) {
        byte[] head = utf8(start);
        return new InputStream() {
            private long read;

            @Override
            public int read() {
                return read < head.length ? head[(int) read++] : fill;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
    }
}
