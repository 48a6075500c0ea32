package io.chainwire.rpc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict pull reader of JSON text (RFC 8259) in UTF-8, made for JSON-RPC responses: it reads the bytes of a response
 * body or message once, hands out one token at a time, and decodes hex strings straight from the input bytes without
 * making a String or char array of them.
 *
 * <p>Anything that is not JSON throws {@link MalformedJson} with its line and column: bad syntax, leading zeros,
 * control characters or invalid UTF-8 in strings, bad escapes and unpaired surrogates, and input that ends early.
 * Hostile input cannot exhaust the stack or memory: nesting is limited to {@value #MAX_DEPTH} levels, a single token
 * (or a value being copied) to {@value #MAX_TOKEN_BYTES} bytes. Several root values may follow each other, as tokens; a
 * caller that wants exactly one checks that {@link Token#END} comes next.
 *
 * <p>A string value is scanned lazily: {@link #next()} stops at its opening quote, so that a hex accessor can validate,
 * decode and find the closing quote in one pass.
 */
public final class JsonReader {
    /** The deepest nesting of objects and arrays accepted. */
    static final int MAX_DEPTH = 1000;
    /** The longest token, or copied value, accepted: 64 MiB. */
    static final int MAX_TOKEN_BYTES = 64 << 20;
    /** What {@link #nextMember} returns at the end of an object. */
    static final int END_OF_OBJECT = -2;

    private static final int BUFFER_BYTES = 16 << 10;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    // What the next token may be.
    private static final int ROOT = 0;
    private static final int OBJECT_START = 1;
    private static final int ARRAY_START = 2;
    private static final int AFTER_NAME = 3;
    private static final int AFTER_VALUE = 4;

    private static final byte OBJECT = 0;
    private static final byte ARRAY = 1;

    /** The kinds of token. */
    enum Token {
        BEGIN_OBJECT("an object"),
        END_OBJECT("the end of an object"),
        BEGIN_ARRAY("an array"),
        END_ARRAY("the end of an array"),
        NAME("a field name"),
        STRING("a string"),
        NUMBER("a number"),
        TRUE("a boolean"),
        FALSE("a boolean"),
        NULL("null"),
        END("the end of the input");

        private final String description;

        Token(String description) {
            this.description = description;
        }

        /** Names the token's JSON type for messages: "a string", "null", "an object". */
        String describe() {
            return description;
        }
    }

    private final InputStream in;
    private byte[] buffer;
    private int position;
    private int limit;
    // The offset in the input of buffer[0].
    private long bufferOffset;
    private boolean exhausted;

    private Token token;
    private int state = ROOT;
    private byte[] containers = new byte[16];
    private int depth;
    private int tokenStart;
    // A value being copied keeps the buffer from here on; -1 when none is.
    private int mark = -1;

    // The content of the current string or name (between the quotes), or the text of a number.
    private int valueStart;
    private int valueEnd;
    // The current string's closing quote is not found yet: position is still at valueStart.
    private boolean pending;
    private boolean escaped;
    private boolean ascii;
    private boolean integer;
    private boolean fitsLong;
    private long longValue;

    // Newlines can only appear between tokens: tracking them there gives the line of any byte read.
    private long line = 1;
    private long lineStart;

    private JsonReader(InputStream in, byte[] buffer, int limit, long offset) {
        this.in = in;
        this.buffer = buffer;
        this.limit = limit;
        this.exhausted = in == null;
        this.bufferOffset = offset;
        this.lineStart = offset;
    }

    /** Returns a reader of a response body, read through a buffer of its own. */
    public static JsonReader of(InputStream in) {
        return new JsonReader(in, new byte[BUFFER_BYTES], 0, 0);
    }

    /** Returns a reader of a complete message, such as a WebSocket delivers, in UTF-8. */
    static JsonReader of(byte[] utf8) {
        return new JsonReader(null, utf8, utf8.length, 0);
    }

    /**
     * Returns a reader of JSON copied from a larger input, which reports offsets in that input.
     *
     * @param offset where {@code utf8} started in the larger input
     */
    static JsonReader of(byte[] utf8, long offset) {
        return new JsonReader(null, utf8, utf8.length, offset);
    }

    /** Returns the current token, null before the first {@link #next()}. */
    Token current() {
        return token;
    }

    /** Returns the offset in the input of the current token's first byte. */
    long tokenOffset() {
        return bufferOffset + tokenStart;
    }

    /**
     * Advances to the next token and returns it; {@link Token#END} at the end of the input, which must not come inside
     * an object or array.
     *
     * @throws MalformedJson if the input is not JSON
     */
    Token next() throws IOException {
        if (pending) {
            scanString();
        }
        tokenStart = position;
        int c = skipWhitespace();
        switch (state) {
            case ROOT -> {
                if (c < 0) {
                    tokenStart = position;
                    return token = Token.END;
                }
                return value(c);
            }
            case OBJECT_START -> {
                return c == '}' ? close(Token.END_OBJECT) : name(c, "a field name or '}'");
            }
            case ARRAY_START -> {
                return c == ']' ? close(Token.END_ARRAY) : value(c);
            }
            case AFTER_NAME -> {
                if (c != ':') {
                    throw unexpected(c, "':'");
                }
                position++;
                return value(skipWhitespace());
            }
            default -> {
                boolean inObject = containers[depth - 1] == OBJECT;
                if (c == ',') {
                    position++;
                    c = skipWhitespace();
                    return inObject ? name(c, "a field name") : value(c);
                }
                if (c == (inObject ? '}' : ']')) {
                    return close(inObject ? Token.END_OBJECT : Token.END_ARRAY);
                }
                throw unexpected(c, inObject ? "',' or '}'" : "',' or ']'");
            }
        }
    }

    /**
     * Advances to the value of the next member of the current object, matching its name against {@code names} straight
     * from the bytes: returns the name's number (-1 for a name not in {@code names}) with the member's value as the
     * current token, or {@link #END_OF_OBJECT}.
     */
    int nextMember(FieldNames names) throws IOException {
        if (pending) {
            scanString();
        }
        // Compact JSON, as nodes send it: [,]"name":value with a plain name, all in the buffer.
        byte[] bytes = buffer;
        int start = state == OBJECT_START
                ? position
                : state == AFTER_VALUE && position < limit && bytes[position] == ',' ? position + 1 : -1;
        if (start >= 0 && start < limit && bytes[start] == '"') {
            int quote = plainRun(start + 1);
            if (quote < limit - 2 && bytes[quote] == '"' && bytes[quote + 1] == ':') {
                int number = names.number(bytes, start + 1, quote - start - 1);
                position = quote + 2;
                int c = bytes[position] & 0xff;
                if (c == '"') {
                    tokenStart = position++;
                    valueStart = position;
                    pending = true;
                    state = AFTER_VALUE;
                    token = Token.STRING;
                } else {
                    value(c > ' ' ? c : skipWhitespace());
                }
                return number;
            }
        }
        if (next() != Token.NAME) {
            return END_OF_OBJECT;
        }
        int number = nameIn(names);
        next();
        return number;
    }

    /**
     * Skips the current value and everything nested in it: after this, the current token is its last (the value itself
     * unless it is an object or array).
     */
    void skipValue() throws IOException {
        if (token == Token.BEGIN_OBJECT || token == Token.BEGIN_ARRAY) {
            int outside = depth - 1;
            while (depth > outside) {
                next();
            }
        } else if (pending) {
            scanString();
        }
    }

    /** Returns the current value, and everything nested in it, as the UTF-8 bytes of its JSON text as it came. */
    byte[] copyValue() throws IOException {
        mark = tokenStart;
        try {
            skipValue();
            return Arrays.copyOfRange(buffer, mark, position);
        } finally {
            mark = -1;
        }
    }

    /** Returns the current value, and everything nested in it, as its JSON text as it came. */
    String copyValueAsText() throws IOException {
        return new String(copyValue(), StandardCharsets.UTF_8);
    }

    /** Returns the current field name, or the current string value, with its escapes resolved. */
    String stringValue() throws IOException {
        requireToken(Token.STRING, Token.NAME);
        if (pending) {
            scanString();
        }
        if (!escaped) {
            return new String(
                    buffer,
                    valueStart,
                    valueEnd - valueStart,
                    ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        return unescape(valueStart, valueEnd);
    }

    /** Returns the number of the current field name in {@code names}, or -1 for a name it does not hold. */
    int nameIn(FieldNames names) throws IOException {
        requireToken(Token.NAME);
        if (escaped) {
            byte[] name = stringValue().getBytes(StandardCharsets.UTF_8);
            return names.number(name, 0, name.length);
        }
        return names.number(buffer, valueStart, valueEnd - valueStart);
    }

    /**
     * Returns the current token as text for messages: a string's or name's value, a number's or literal's JSON text, a
     * bracket for the start or end of an object or array.
     */
    String text() throws IOException {
        return switch (token) {
            case STRING, NAME -> stringValue();
            case NUMBER -> new String(buffer, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
            case TRUE -> "true";
            case FALSE -> "false";
            case NULL -> "null";
            case BEGIN_OBJECT -> "{";
            case END_OBJECT -> "}";
            case BEGIN_ARRAY -> "[";
            case END_ARRAY -> "]";
            case END -> "";
        };
    }

    /** Returns true if the current number is an integer: no fraction, no exponent. */
    boolean isInteger() {
        requireToken(Token.NUMBER);
        return integer;
    }

    /** Returns true if the current number is an integer from -2^63 to 2^63-1. */
    boolean isLong() {
        requireToken(Token.NUMBER);
        return fitsLong;
    }

    /** Returns the current number, which {@link #isLong()}. */
    long longValue() {
        if (!isLong()) {
            throw new IllegalStateException(
                    "the number " + new String(buffer, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1)
                            + " is not a 64-bit integer");
        }
        return longValue;
    }

    /**
     * Decodes the current string if it is {@code 0x} and exactly {@code 2 * size} hex digits, or any even number of
     * them when {@code size} is negative; returns null for anything else, escapes included, leaving the string to read
     * with {@link #stringValue()} for a message.
     */
    byte[] hexBytes(int size) throws IOException {
        requireToken(Token.STRING);
        if (pending) {
            // The common case in one pass: "0x", the digits, the closing quote. For a fixed size the quote
            // must follow exactly that many digits; for any size it is found eight bytes at a time.
            int end = size < 0
                    ? plainRun(position)
                    : limit - position >= 3 + 2 * size || available(3 + 2 * size) ? position + 2 + 2 * size : limit;
            if (end < limit
                    && buffer[end] == '"'
                    && end - position >= 2
                    && ((end - position) & 1) == 0
                    && buffer[position] == '0'
                    && buffer[position + 1] == 'x') {
                byte[] bytes = new byte[(end - position - 2) / 2];
                if (AsciiHex.decode(buffer, position + 2, end, bytes, 0) == end) {
                    closePlainString(end);
                    return bytes;
                }
            }
        }
        int digits = plainHexDigits();
        if (digits < 0 || (digits & 1) != 0 || (size >= 0 && digits != 2 * size)) {
            return null;
        }
        byte[] bytes = new byte[digits / 2];
        return AsciiHex.decode(buffer, valueStart + 2, valueEnd, bytes, 0) == valueEnd ? bytes : null;
    }

    /**
     * Consumes the current string and returns true if it is {@code 0x} followed by exactly the bytes of {@code digits}
     * and the closing quote; otherwise (another token included) leaves it as it was and returns false.
     */
    boolean repeatsHex(byte[] digits) throws IOException {
        if (token != Token.STRING || !pending) {
            return false;
        }
        if (limit - position < 3 + digits.length && !available(3 + digits.length)) {
            return false;
        }
        int end = position + 2 + digits.length;
        if (buffer[end] == '"'
                && buffer[position] == '0'
                && buffer[position + 1] == 'x'
                && Arrays.equals(buffer, position + 2, end, digits, 0, digits.length)) {
            closePlainString(end);
            return true;
        }
        return false;
    }

    /**
     * Copies the digits of the current string, read already, into {@code digits} if it is plain {@code 0x} and exactly
     * that many digits; returns whether it did.
     */
    boolean copyHexDigits(byte[] digits) {
        if (pending || escaped || !ascii || valueEnd - valueStart != 2 + digits.length) {
            return false;
        }
        System.arraycopy(buffer, valueStart + 2, digits, 0, digits.length);
        return true;
    }

    /**
     * Returns the value of the current string if it is {@code 0x} and 1 to 16 hex digits whose value fits a signed
     * long; returns -1 for anything else, escapes included, leaving the string to read with {@link #stringValue()} for
     * a message.
     */
    long hexQuantity() throws IOException {
        requireToken(Token.STRING);
        if (pending) {
            // The common case in one pass: "0x", the digits, then the closing quote, all in the buffer.
            byte[] bytes = buffer;
            int at = position + 2;
            if (at < limit && bytes[position] == '0' && bytes[position + 1] == 'x') {
                long value = 0;
                int digit;
                while (at < limit && (digit = AsciiHex.digit(bytes[at])) >= 0) {
                    value = (value << 4) | digit;
                    at++;
                }
                int digits = at - position - 2;
                if (at < limit && bytes[at] == '"' && digits >= 1 && digits <= 16 && value >= 0) {
                    closePlainString(at);
                    return value;
                }
            }
        }
        int digits = plainHexDigits();
        if (digits < 1 || digits > 16) {
            return -1;
        }
        long value = 0;
        for (int i = valueStart + 2; i < valueEnd; i++) {
            int digit = AsciiHex.digit(buffer[i]);
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        // Sixteen digits from 8 up overflow into the sign.
        return value < 0 ? -1 : value;
    }

    /** Ends the pending string, plain ASCII without escapes, at the closing quote at {@code quote}. */
    private void closePlainString(int quote) {
        valueEnd = quote;
        position = quote + 1;
        pending = false;
        escaped = false;
        ascii = true;
    }

    /** Scans the current string; returns its digit count if it is plain ASCII starting with 0x, else -1. */
    private int plainHexDigits() throws IOException {
        if (pending) {
            scanString();
        }
        int length = valueEnd - valueStart;
        if (escaped || !ascii || length < 2 || buffer[valueStart] != '0' || buffer[valueStart + 1] != 'x') {
            return -1;
        }
        return length - 2;
    }

    private void requireToken(Token expected) {
        if (token != expected) {
            throw new IllegalStateException("the current token is " + token + ", not " + expected);
        }
    }

    private void requireToken(Token expected, Token orElse) {
        if (token != expected && token != orElse) {
            throw new IllegalStateException("the current token is " + token + ", not " + expected + " or " + orElse);
        }
    }

    // ---- tokens

    private Token value(int c) throws IOException {
        tokenStart = position;
        switch (c) {
            case '"' -> {
                position++;
                valueStart = position;
                pending = true;
                afterValue();
                return token = Token.STRING;
            }
            case '{' -> {
                open(OBJECT);
                state = OBJECT_START;
                return token = Token.BEGIN_OBJECT;
            }
            case '[' -> {
                open(ARRAY);
                state = ARRAY_START;
                return token = Token.BEGIN_ARRAY;
            }
            case 't' -> {
                return literal("true", Token.TRUE);
            }
            case 'f' -> {
                return literal("false", Token.FALSE);
            }
            case 'n' -> {
                return literal("null", Token.NULL);
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                    afterValue();
                    return token = Token.NUMBER;
                }
                throw unexpected(c, "a value");
            }
        }
    }

    private Token name(int c, String expected) throws IOException {
        if (c != '"') {
            throw unexpected(c, expected);
        }
        tokenStart = position;
        position++;
        valueStart = position;
        scanString();
        state = AFTER_NAME;
        return token = Token.NAME;
    }

    private void open(byte container) {
        if (depth == MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels", position);
        }
        if (depth == containers.length) {
            containers = Arrays.copyOf(containers, Math.min(2 * depth, MAX_DEPTH));
        }
        containers[depth++] = container;
        position++;
    }

    private Token close(Token end) {
        tokenStart = position;
        position++;
        depth--;
        afterValue();
        return token = end;
    }

    private void afterValue() {
        state = depth == 0 ? ROOT : AFTER_VALUE;
    }

    private Token literal(String word, Token literal) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            int c = peek();
            if (c != word.charAt(i)) {
                throw unexpected(c, word);
            }
            position++;
        }
        afterValue();
        return token = literal;
    }

    /** Reads a number from its first byte, which is '-' or a digit. */
    private void number() throws IOException {
        valueStart = position;
        int c = peek();
        if (c == '-') {
            position++;
            c = peek();
        }
        if (c == '0') {
            position++;
            c = peek();
            if (isDigit(c)) {
                throw error("a number with a leading zero", position - 1);
            }
        } else {
            c = digits("a digit");
        }
        integer = true;
        if (c == '.') {
            integer = false;
            position++;
            c = digits("a digit after the decimal point");
        }
        if (c == 'e' || c == 'E') {
            integer = false;
            position++;
            c = peek();
            if (c == '+' || c == '-') {
                position++;
            }
            digits("a digit in the exponent");
        }
        valueEnd = position;
        fitsLong = integer && parseLong();
    }

    /** Reads one or more digits; returns the byte after them. */
    private int digits(String expected) throws IOException {
        int c = peek();
        if (!isDigit(c)) {
            throw unexpected(c, expected);
        }
        do {
            position++;
            c = peek();
        } while (isDigit(c));
        return c;
    }

    /** Sets longValue from the current integer; returns false if it does not fit. */
    private boolean parseLong() {
        boolean negative = buffer[valueStart] == '-';
        // Accumulated as a negative number, whose range is one wider.
        long value = 0;
        for (int i = negative ? valueStart + 1 : valueStart; i < valueEnd; i++) {
            int digit = buffer[i] - '0';
            if (value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
                return false;
            }
            value = value * 10 - digit;
        }
        if (!negative && value == Long.MIN_VALUE) {
            return false;
        }
        longValue = negative ? value : -value;
        return true;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    // ---- strings

    /** Finds the end of the string whose content starts at position, validating it on the way. */
    private void scanString() throws IOException {
        boolean escapes = false;
        boolean onlyAscii = true;
        while (true) {
            position = plainRun(position);
            int c = peekInString();
            if (c == '"') {
                valueEnd = position++;
                break;
            }
            if (c == '\\') {
                escapes = true;
                escape();
            } else if (c >= 0x80) {
                onlyAscii = false;
                utf8(c);
            } else if (c >= 0x20) {
                position++;
            } else {
                throw error("control character " + describeByte(c) + " in a string; it must be escaped", position);
            }
        }
        pending = false;
        escaped = escapes;
        ascii = onlyAscii;
    }

    /**
     * Returns the index of the first byte from {@code at} that needs a closer look (a quote, a backslash, a control
     * character or a non-ASCII byte), looking eight bytes at a time; or the start of the last few bytes in the buffer,
     * fewer than eight.
     */
    private int plainRun(int at) {
        byte[] bytes = buffer;
        int end = limit - 8;
        while (at <= end) {
            long chunk = (long) LONGS.get(bytes, at);
            long special = specialBytes(chunk);
            if (special != 0) {
                return at + (Long.numberOfTrailingZeros(special) >>> 3);
            }
            at += 8;
        }
        return at;
    }

    /**
     * Marks (with its high bit) each byte of {@code chunk} that is a quote, a backslash, below 0x20 or from 0x80 up.
     * The lowest mark is exact; a byte above a marked one may be marked wrongly, which only the lowest mark being used
     * makes harmless.
     */
    private static long specialBytes(long chunk) {
        long quotes = chunk ^ (ONES * '"');
        long backslashes = chunk ^ (ONES * '\\');
        long zeroInQuotes = (quotes - ONES) & ~quotes;
        long zeroInBackslashes = (backslashes - ONES) & ~backslashes;
        long control = (chunk - ONES * 0x20) & ~chunk;
        return (zeroInQuotes | zeroInBackslashes | control | chunk) & HIGH_BITS;
    }

    /** Checks the escape whose backslash is at position, and steps over it. */
    private void escape() throws IOException {
        int start = position;
        position++;
        int c = peekInString();
        switch (c) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> position++;
            case 'u' -> {
                position++;
                int unit = unicodeEscape(start);
                if (Character.isHighSurrogate((char) unit)) {
                    if (peekInString() != '\\') {
                        throw unpairedSurrogate(unit, start);
                    }
                    position++;
                    if (peekInString() != 'u') {
                        throw unpairedSurrogate(unit, start);
                    }
                    position++;
                    if (!Character.isLowSurrogate((char) unicodeEscape(position - 2))) {
                        throw unpairedSurrogate(unit, start);
                    }
                } else if (Character.isLowSurrogate((char) unit)) {
                    throw unpairedSurrogate(unit, start);
                }
            }
            default ->
                throw error(
                        "invalid escape \\" + (c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : describeByte(c))
                                + " in a string",
                        start);
        }
    }

    /** Reads the four hex digits of a {@code \\u} escape that starts at {@code start}. */
    private int unicodeEscape(int start) throws IOException {
        int unit = 0;
        for (int i = 0; i < 4; i++) {
            int digit = AsciiHex.digit((byte) peekInString());
            if (digit < 0) {
                throw error("a \\u escape without four hex digits", start);
            }
            unit = (unit << 4) | digit;
            position++;
        }
        return unit;
    }

    private MalformedJson unpairedSurrogate(int unit, int at) {
        return error("an unpaired surrogate \\u" + String.format("%04X", unit) + " in a string", at);
    }

    /** Checks the UTF-8 sequence whose first byte, {@code first}, is at position, and steps over it. */
    private void utf8(int first) throws IOException {
        int start = position;
        int continuations;
        int min = 0x80;
        int max = 0xbf;
        if (first >= 0xc2 && first <= 0xdf) {
            continuations = 1;
        } else if (first >= 0xe0 && first <= 0xef) {
            continuations = 2;
            if (first == 0xe0) {
                min = 0xa0; // no overlong forms
            } else if (first == 0xed) {
                max = 0x9f; // no surrogates
            }
        } else if (first >= 0xf0 && first <= 0xf4) {
            continuations = 3;
            if (first == 0xf0) {
                min = 0x90; // no overlong forms
            } else if (first == 0xf4) {
                max = 0x8f; // nothing above U+10FFFF
            }
        } else {
            throw error("invalid UTF-8 (byte " + describeByte(first) + ")", start);
        }
        position++;
        for (int i = 0; i < continuations; i++) {
            int c = peekInString();
            if (c < min || c > max) {
                throw error("invalid UTF-8 (byte " + describeByte(c) + ")", start);
            }
            min = 0x80;
            max = 0xbf;
            position++;
        }
    }

    /** Resolves the escapes of a string that {@link #scanString()} has checked. */
    private String unescape(int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        int run = from;
        int at = from;
        while (at < to) {
            if (buffer[at] != '\\') {
                at++;
                continue;
            }
            text.append(new String(buffer, run, at - run, StandardCharsets.UTF_8));
            byte kind = buffer[at + 1];
            at += 2;
            switch (kind) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    int unit = 0;
                    for (int i = 0; i < 4; i++) {
                        unit = (unit << 4) | AsciiHex.digit(buffer[at + i]);
                    }
                    text.append((char) unit);
                    at += 4;
                }
                default -> text.append((char) kind);
            }
            run = at;
        }
        return text.append(new String(buffer, run, to - run, StandardCharsets.UTF_8))
                .toString();
    }

    // ---- input

    /** Steps over whitespace; returns the byte after it (not consumed), or -1 at the end of the input. */
    private int skipWhitespace() throws IOException {
        while (true) {
            if (position == limit) {
                tokenStart = position;
                if (!fill()) {
                    return -1;
                }
            }
            int c = buffer[position] & 0xff;
            if (c > ' ') {
                return c;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                position++;
            } else if (c == '\n') {
                position++;
                line++;
                lineStart = bufferOffset + position;
            } else {
                return c;
            }
        }
    }

    /** Returns the byte at position (not consumed), or -1 at the end of the input. */
    private int peek() throws IOException {
        return position < limit ? buffer[position] & 0xff : peekAfterFill();
    }

    private int peekAfterFill() throws IOException {
        return fill() ? buffer[position] & 0xff : -1;
    }

    /** Returns the byte at position (not consumed), which must not be the end of the input: a string is open. */
    private int peekInString() throws IOException {
        int c = peek();
        if (c < 0) {
            throw error("unexpected end of input in a string", position);
        }
        return c;
    }

    /** Returns true if {@code count} bytes from position are in the buffer, reading more if needed. */
    private boolean available(int count) throws IOException {
        while (limit - position < count) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads more input after {@code limit}, keeping the current token (and a marked value) in the buffer; returns false
     * at the end of the input.
     */
    private boolean fill() throws IOException {
        if (exhausted) {
            return false;
        }
        if (limit == buffer.length) {
            makeRoom();
        }
        int count;
        do {
            count = in.read(buffer, limit, buffer.length - limit);
        } while (count == 0);
        if (count < 0) {
            exhausted = true;
            return false;
        }
        limit += count;
        return true;
    }

    /** Drops the bytes before the current token (or mark), and grows the buffer if what is kept fills half of it. */
    private void makeRoom() {
        int keep = mark >= 0 ? Math.min(mark, tokenStart) : tokenStart;
        int kept = limit - keep;
        if (kept >= MAX_TOKEN_BYTES) {
            throw error(
                    mark >= 0
                            ? "a value longer than " + MAX_TOKEN_BYTES + " bytes to copy"
                            : "a token longer than " + MAX_TOKEN_BYTES + " bytes",
                    keep);
        }
        byte[] target = kept > buffer.length / 2 && buffer.length <= MAX_TOKEN_BYTES
                ? new byte[(int) Math.min((long) buffer.length * 2, MAX_TOKEN_BYTES + 1)]
                : buffer;
        System.arraycopy(buffer, keep, target, 0, kept);
        buffer = target;
        bufferOffset += keep;
        position -= keep;
        limit -= keep;
        tokenStart -= keep;
        valueStart -= keep;
        valueEnd -= keep;
        if (mark >= 0) {
            mark -= keep;
        }
    }

    // ---- errors

    private MalformedJson unexpected(int c, String expected) {
        if (c < 0) {
            return error("unexpected end of input, expected " + expected, position);
        }
        String what = c >= 0x20 && c < 0x7f ? "character '" + (char) c + "'" : "byte " + describeByte(c);
        return error("unexpected " + what + ", expected " + expected, position);
    }

    private static String describeByte(int c) {
        return String.format("0x%02x", c);
    }

    private MalformedJson error(String problem, int at) {
        long offset = bufferOffset + at;
        return new MalformedJson(problem, line, offset - lineStart + 1);
    }
}
