package io.chainwire.abi;

import io.chainwire.abi.internal.Hex;
import io.chainwire.abi.internal.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A 20-byte Ethereum account or contract address.
 *
 * <p>{@link #toString()} gives the EIP-55 mixed-case checksum form; {@link #toHex()} the lowercase form used in
 * JSON-RPC.
 */
public final class Address extends ByteValue implements Comparable<Address> {
    /** Number of bytes in an address. */
    public static final int SIZE = 20;

    /** The zero address, {@code 0x0000000000000000000000000000000000000000}. */
    public static final Address ZERO = new Address(new byte[SIZE]);

    Address(byte[] bytes) {
        super(bytes);
    }

    /**
     * Parses {@code 0x} followed by 40 hex digits. Mixed-case input must carry a valid EIP-55 checksum; all-lowercase
     * and all-uppercase input is accepted as is.
     *
     * @throws IllegalArgumentException if the text is not an address or its checksum is wrong
     */
    public static Address fromHex(String hex) {
        Address address = new Address(requireSize(Hex.decode(hex), SIZE, "an address", hex));
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        boolean mixedCase = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
        if (mixedCase && !address.toString().substring(2).equals(digits)) {
            throw new IllegalArgumentException(
                    "bad EIP-55 checksum in \"" + hex + "\"; the checksummed form is " + address);
        }
        return address;
    }

    /** Returns the address holding a copy of {@code bytes}, which must be 20 bytes long. */
    public static Address of(byte[] bytes) {
        return new Address(requireSize(bytes, SIZE, "an address", null).clone());
    }

    /** Returns the EIP-55 checksummed form, for example {@code 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed}. */
    @Override
    public String toString() {
        String lower = toHex();
        byte[] hash = Keccak256.digest(lower.substring(2).getBytes(StandardCharsets.US_ASCII));
        char[] out = lower.toCharArray();
        for (int i = 2; i < out.length; i++) {
            int nibble = (hash[(i - 2) >>> 1] >>> (((i - 2) & 1) == 0 ? 4 : 0)) & 0x0f;
            if (nibble >= 8) {
                out[i] = Character.toUpperCase(out[i]);
            }
        }
        return new String(out);
    }

    /** Orders addresses as unsigned 160-bit numbers. */
    @Override
    public int compareTo(Address other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }
}
