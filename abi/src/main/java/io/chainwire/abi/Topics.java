package io.chainwire.abi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Encodes indexed event arguments as the topics a log carries, for {@link TopicFilter}s. Generated {@code Filter}
 * builders call it; it is public so that hand-built filters can too.
 *
 * <p>An indexed value type is stored in its topic as its 32-byte ABI word. An indexed {@code string} or {@code bytes}
 * is stored as the Keccak-256 hash of its raw bytes. Indexed arrays and tuples are hashed from their in-place encoding;
 * filters take that {@link Hash} as is.
 *
 * <p>Each integer encoder takes the ABI width in bits and rejects a value outside that type's range with an
 * {@link IllegalArgumentException} naming the type, so a filter never silently matches a truncated value.
 */
public final class Topics {
    private static final int WORD = 32;
    private static final int FUNCTION_SIZE = 24;

    private Topics() {}

    /** Returns the topic of an indexed {@code address}: 12 zero bytes, then the address. */
    public static Hash address(Address value) {
        byte[] word = new byte[WORD];
        System.arraycopy(Objects.requireNonNull(value, "address").bytes, 0, word, WORD - Address.SIZE, Address.SIZE);
        return new Hash(word);
    }

    /** Returns the topic of an indexed {@code bool}: the word 0 or 1. */
    public static Hash bool(boolean value) {
        byte[] word = new byte[WORD];
        word[WORD - 1] = (byte) (value ? 1 : 0);
        return new Hash(word);
    }

    /**
     * Returns the topic of an indexed {@code uint<bits>} held in a Java {@code int} or {@code long}.
     *
     * @throws IllegalArgumentException if {@code value} is negative or needs more than {@code bits} bits
     */
    public static Hash unsigned(long value, int bits) {
        checkBits(bits);
        if (value < 0 || (bits < Long.SIZE && value >>> bits != 0)) {
            throw outOfRange(Long.toString(value), "uint", bits);
        }
        return word(value);
    }

    /**
     * Returns the topic of an indexed {@code uint<bits>} held in a {@link BigInteger}.
     *
     * @throws IllegalArgumentException if {@code value} is negative or needs more than {@code bits} bits
     */
    public static Hash unsigned(BigInteger value, int bits) {
        checkBits(bits);
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.bitLength() > bits) {
            throw outOfRange(value.toString(), "uint", bits);
        }
        return word(value);
    }

    /**
     * Returns the topic of an indexed {@code int<bits>} held in a Java {@code int} or {@code long}.
     *
     * @throws IllegalArgumentException if {@code value} does not fit a two's complement {@code bits}-bit integer
     */
    public static Hash signed(long value, int bits) {
        checkBits(bits);
        int unused = Long.SIZE - bits;
        if (unused > 0 && (value << unused) >> unused != value) {
            throw outOfRange(Long.toString(value), "int", bits);
        }
        return word(value);
    }

    /**
     * Returns the topic of an indexed {@code int<bits>} held in a {@link BigInteger}.
     *
     * @throws IllegalArgumentException if {@code value} does not fit a two's complement {@code bits}-bit integer
     */
    public static Hash signed(BigInteger value, int bits) {
        checkBits(bits);
        Objects.requireNonNull(value, "value");
        if (value.bitLength() > bits - 1) {
            throw outOfRange(value.toString(), "int", bits);
        }
        return word(value);
    }

    /**
     * Returns the topic of an indexed {@code bytes<size>}: the bytes, then zero padding.
     *
     * @throws IllegalArgumentException if {@code value} does not hold exactly {@code size} bytes
     */
    public static Hash fixedBytes(Bytes value, int size) {
        if (size < 1 || size > WORD) {
            throw new IllegalArgumentException("bytes" + size + " is not an ABI type; sizes run from 1 to 32");
        }
        return leftAligned(value, size, "bytes" + size);
    }

    /**
     * Returns the topic of an indexed {@code function}: the 20-byte address and the 4-byte selector, then zero padding.
     *
     * @throws IllegalArgumentException if {@code value} does not hold exactly 24 bytes
     */
    public static Hash function(Bytes value) {
        return leftAligned(value, FUNCTION_SIZE, "function");
    }

    /** Returns the topic of an indexed {@code string}: the Keccak-256 hash of its UTF-8 bytes. */
    public static Hash string(String value) {
        return Hash.keccak256(Objects.requireNonNull(value, "string").getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the topic of an indexed {@code bytes}: the Keccak-256 hash of the bytes. */
    public static Hash bytes(Bytes value) {
        return Hash.keccak256(Objects.requireNonNull(value, "bytes").bytes);
    }

    private static Hash leftAligned(Bytes value, int size, String type) {
        Objects.requireNonNull(value, type);
        if (value.length() != size) {
            throw new IllegalArgumentException(
                    type + " takes exactly " + size + " bytes, got " + value.length() + ": " + value);
        }
        byte[] word = new byte[WORD];
        System.arraycopy(value.bytes, 0, word, 0, size);
        return new Hash(word);
    }

    private static Hash word(long value) {
        byte[] word = new byte[WORD];
        byte fill = (byte) (value < 0 ? 0xff : 0);
        for (int i = 0; i < WORD - Long.BYTES; i++) {
            word[i] = fill;
        }
        for (int i = WORD - 1; i >= WORD - Long.BYTES; i--) {
            word[i] = (byte) value;
            value >>= Byte.SIZE;
        }
        return new Hash(word);
    }

    /** Sign-extends the minimal two's complement form of {@code value}, which fits 256 bits, to a word. */
    private static Hash word(BigInteger value) {
        byte[] minimal = value.toByteArray();
        byte[] word = new byte[WORD];
        byte fill = (byte) (value.signum() < 0 ? 0xff : 0);
        int skip = Math.max(0, minimal.length - WORD);
        int start = WORD - (minimal.length - skip);
        for (int i = 0; i < start; i++) {
            word[i] = fill;
        }
        System.arraycopy(minimal, skip, word, start, minimal.length - skip);
        return new Hash(word);
    }

    private static void checkBits(int bits) {
        if (bits < Byte.SIZE || bits > WORD * Byte.SIZE || bits % Byte.SIZE != 0) {
            throw new IllegalArgumentException(
                    bits + " is not an ABI integer width; widths run from 8 to 256 in steps of 8");
        }
    }

    private static IllegalArgumentException outOfRange(String value, String kind, int bits) {
        return new IllegalArgumentException(value + " does not fit " + kind + bits);
    }
}
