package io.chainwire.rpc.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.internal.Hex;
import io.chainwire.abi.internal.ValueAccess;
import io.chainwire.rpc.Bloom;
import java.io.IOException;

/**
 * Strict readers for the hex strings of JSON-RPC: quantities, hashes, addresses and data. Each reads the reader's
 * current token, decoding the plain form straight from the input bytes, and throws {@link MalformedResponse} (without a
 * path) for anything else than the exact form. A string the fast path declines (a mistake, or escapes) is read as text
 * and explained, or decoded, here.
 */
final class HexValues {
    private static final ValueAccess VALUES = ValueAccess.get();
    private static final int MAX_SHOWN = 80;

    private HexValues() {}

    /** Reads a quantity ({@code 0x} and 1 or more hex digits) that fits in a signed 64-bit long. */
    static long quantity(JsonReader reader) throws IOException {
        requireString(reader, "a hex quantity");
        long value = reader.hexQuantity();
        return value >= 0 ? value : quantity(reader, text(reader, "a hex quantity"));
    }

    private static long quantity(JsonReader reader, String text) {
        if (text.length() == 2) {
            throw MalformedResponse.at(reader, "expected a hex quantity, got \"0x\" without digits");
        }
        long value = 0;
        for (int i = 2; i < text.length(); i++) {
            int digit = Hex.digitValue(text.charAt(i));
            if (digit < 0) {
                throw MalformedResponse.at(
                        reader, "invalid hex digit '" + text.charAt(i) + "' in quantity " + shown(text));
            }
            if ((value >>> 59) != 0) {
                throw MalformedResponse.at(reader, "quantity " + shown(text) + " is larger than 2^63-1");
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /** Reads a quantity that fits in a non-negative int, such as a log or transaction index. */
    static int index(JsonReader reader) throws IOException {
        long value = quantity(reader);
        if (value > Integer.MAX_VALUE) {
            throw MalformedResponse.at(reader, "index " + shown(reader.stringValue()) + " is larger than 2^31-1");
        }
        return (int) value;
    }

    /** Reads a 32-byte hash: {@code 0x} and exactly 64 hex digits. */
    static Hash hash(JsonReader reader) throws IOException {
        return VALUES.hash(fixed(reader, Hash.SIZE, "a 32-byte hash"));
    }

    /** Reads a 20-byte address: {@code 0x} and exactly 40 hex digits. */
    static Address address(JsonReader reader) throws IOException {
        return VALUES.address(fixed(reader, Address.SIZE, "a 20-byte address"));
    }

    /** Reads a logs bloom: {@code 0x} and exactly 512 hex digits. */
    static Bloom bloom(JsonReader reader) throws IOException {
        return Bloom.of(fixed(reader, Bloom.BYTES, "a 256-byte logs bloom"));
    }

    /** Reads data: {@code 0x} and an even number of hex digits, possibly none. */
    static Bytes data(JsonReader reader) throws IOException {
        requireString(reader, "hex data");
        byte[] bytes = reader.hexBytes(-1);
        return VALUES.bytes(bytes != null ? bytes : decode(reader, text(reader, "hex data")));
    }

    /** Reads a JSON boolean. */
    static boolean bool(JsonReader reader) {
        JsonReader.Token token = reader.current();
        if (token != JsonReader.Token.TRUE && token != JsonReader.Token.FALSE) {
            throw MalformedResponse.at(reader, "expected a boolean, got " + token.describe());
        }
        return token == JsonReader.Token.TRUE;
    }

    private static byte[] fixed(JsonReader reader, int size, String what) throws IOException {
        requireString(reader, what);
        byte[] bytes = reader.hexBytes(size);
        if (bytes != null) {
            return bytes;
        }
        String text = text(reader, what);
        int digits = text.length() - 2;
        if (digits != 2 * size) {
            throw MalformedResponse.at(
                    reader,
                    "expected " + what + " (" + 2 * size + " hex digits), got " + digits + " digits in " + shown(text));
        }
        return decode(reader, text);
    }

    private static byte[] decode(JsonReader reader, String text) {
        try {
            return Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw MalformedResponse.at(reader, e.getMessage());
        }
    }

    private static void requireString(JsonReader reader, String what) {
        JsonReader.Token token = reader.current();
        if (token != JsonReader.Token.STRING) {
            throw MalformedResponse.at(
                    reader, "expected " + what + " as a 0x-prefixed string, got " + token.describe());
        }
    }

    /** Returns the current string, which the fast path declined, after checking its 0x prefix. */
    private static String text(JsonReader reader, String what) throws IOException {
        String text = reader.stringValue();
        if (!text.startsWith("0x")) {
            throw MalformedResponse.at(reader, "expected " + what + " starting with 0x, got " + shown(text));
        }
        return text;
    }

    private static String shown(String text) {
        return "\"" + (text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...") + "\"";
    }
}
