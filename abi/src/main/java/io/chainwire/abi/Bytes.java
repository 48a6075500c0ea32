package io.chainwire.abi;

import io.chainwire.abi.internal.Hex;
import io.chainwire.abi.internal.ValueAccess;

/** An immutable byte string: the Java value of ABI {@code bytes}, {@code bytes1..bytes32} and {@code function}. */
public final class Bytes extends ByteValue {
    /** The empty byte string. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    static {
        ValueAccess.install(new WrappingValueAccess());
    }

    Bytes(byte[] bytes) {
        super(bytes);
    }

    /** Returns a byte string holding a copy of {@code bytes}. */
    public static Bytes of(byte... bytes) {
        return new Bytes(bytes.clone());
    }

    /**
     * Parses hex digits, with or without {@code 0x}.
     *
     * @throws IllegalArgumentException if the text is not hex
     */
    public static Bytes fromHex(String hex) {
        return new Bytes(Hex.decode(hex));
    }

    /** Returns the number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** Returns the byte at {@code index}. */
    public byte get(int index) {
        return bytes[index];
    }
}
