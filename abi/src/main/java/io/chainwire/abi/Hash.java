package io.chainwire.abi;

import io.chainwire.abi.internal.Hex;
import io.chainwire.abi.internal.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A 32-byte value: a block, transaction or topic hash, or any 32-byte log topic. */
public final class Hash extends ByteValue implements Comparable<Hash> {
    /** Number of bytes in a hash. */
    public static final int SIZE = 32;

    Hash(byte[] bytes) {
        super(bytes);
    }

    /**
     * Parses {@code 0x} followed by 64 hex digits.
     *
     * @throws IllegalArgumentException if the text is not 32 bytes of hex
     */
    public static Hash fromHex(String hex) {
        return new Hash(requireSize(Hex.decode(hex), SIZE, "a hash", hex));
    }

    /** Returns the hash holding a copy of {@code bytes}, which must be 32 bytes long. */
    public static Hash of(byte[] bytes) {
        return new Hash(requireSize(bytes, SIZE, "a hash", null).clone());
    }

    /** Returns the Keccak-256 hash of {@code data}. */
    public static Hash keccak256(byte[] data) {
        return new Hash(Keccak256.digest(data));
    }

    /** Returns the Keccak-256 hash of the UTF-8 bytes of {@code text}, as for an event signature. */
    public static Hash keccak256(String text) {
        return new Hash(Keccak256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Orders hashes as unsigned 256-bit numbers. */
    @Override
    public int compareTo(Hash other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }
}
