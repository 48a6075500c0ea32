package io.chainwire.abi;

import io.chainwire.abi.internal.Hex;
import java.util.Arrays;

/**
 * What the byte-valued ABI types share: an owned array that never changes, hex output, and equality by content within
 * one type (an address never equals a hash with the same bytes).
 */
abstract class ByteValue {
    final byte[] bytes;

    ByteValue(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns {@code bytes} if it holds exactly {@code size} bytes.
     *
     * @param what the value's name in the message, for example "an address"
     * @param source the text it came from, for the message, or null
     * @throws IllegalArgumentException naming the expected and actual sizes
     */
    static byte[] requireSize(byte[] bytes, int size, String what, String source) {
        if (bytes.length != size) {
            throw new IllegalArgumentException(what + " has " + size + " bytes (" + 2 * size + " hex digits), got "
                    + bytes.length + (source == null ? "" : " in \"" + source + "\""));
        }
        return bytes;
    }

    /** Returns a copy of the bytes. */
    public final byte[] toByteArray() {
        return bytes.clone();
    }

    /** Returns {@code 0x} followed by two lowercase hex digits per byte. */
    public final String toHex() {
        return Hex.encode(bytes);
    }

    /** Returns {@link #toHex()}. */
    @Override
    public String toString() {
        return toHex();
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && Arrays.equals(bytes, ((ByteValue) other).bytes);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
