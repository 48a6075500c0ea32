package io.chainwire.testkit;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the calldata of a function call with flat arguments: the 4-byte selector followed by the ABI encoding of
 * 32-byte static values and of {@code bytes} and {@code string}. Enough to drive test contracts; for arrays and tuples
 * use a full ABI encoder.
 *
 * <pre>{@code
 * Bytes data = Calldata.function("send(string)").string("hello").encode();
 * }</pre>
 */
public final class Calldata {
    private static final int WORD = 32;
    private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger INT256_MIN = BigInteger.ONE.shiftLeft(255).negate();
    private static final BigInteger INT256_MAX = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);

    private final String signature;
    private final List<Argument> arguments = new ArrayList<>();

    private Calldata(String signature) {
        this.signature = signature;
    }

    /**
     * Starts the calldata of a call to {@code signature}, for example {@code transfer(address,uint256)}. Add the
     * arguments in order; {@link #encode()} does not check them against the signature.
     */
    public static Calldata function(String signature) {
        int open = signature.indexOf('(');
        if (open < 1 || !signature.endsWith(")") || signature.indexOf(' ') >= 0) {
            throw new IllegalArgumentException(
                    "signature must look like name(type1,type2) without spaces, got \"" + signature + "\"");
        }
        return new Calldata(signature);
    }

    /** Returns the selector of {@code signature}: the first 4 bytes of its Keccak-256 hash. */
    public static Bytes selector(String signature) {
        return Bytes.of(Arrays.copyOf(Hash.keccak256(signature).toByteArray(), 4));
    }

    /** Adds an unsigned integer argument ({@code uintN}). */
    public Calldata uint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("an unsigned value cannot be negative, got " + value);
        }
        return uint(BigInteger.valueOf(value));
    }

    /** Adds an unsigned integer argument ({@code uintN}) of up to 256 bits. */
    public Calldata uint(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
            throw new IllegalArgumentException("an unsigned value must be in [0, 2^256), got " + value);
        }
        return word(value);
    }

    /** Adds a signed integer argument ({@code intN}), two's complement over 256 bits. */
    public Calldata signed(BigInteger value) {
        if (value.compareTo(INT256_MIN) < 0 || value.compareTo(INT256_MAX) > 0) {
            throw new IllegalArgumentException("a signed value must be in [-2^255, 2^255), got " + value);
        }
        return word(value.signum() < 0 ? value.add(UINT256_LIMIT) : value);
    }

    /** Adds an {@code address} argument. */
    public Calldata address(Address value) {
        return word(new BigInteger(1, value.toByteArray()));
    }

    /** Adds a {@code bool} argument. */
    public Calldata bool(boolean value) {
        return word(value ? BigInteger.ONE : BigInteger.ZERO);
    }

    /** Adds a {@code bytes1..bytes32} argument, left-aligned in its word. */
    public Calldata fixedBytes(Bytes value) {
        if (value.length() < 1 || value.length() > WORD) {
            throw new IllegalArgumentException("a bytesN value has 1 to 32 bytes, got " + value.length());
        }
        arguments.add(new Argument(false, Arrays.copyOf(value.toByteArray(), WORD)));
        return this;
    }

    /** Adds a {@code bytes} argument. */
    public Calldata bytes(Bytes value) {
        arguments.add(new Argument(true, value.toByteArray()));
        return this;
    }

    /** Adds a {@code string} argument, UTF-8 encoded. */
    public Calldata string(String value) {
        arguments.add(new Argument(true, value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Returns the selector followed by the head words and then the tails of dynamic arguments. */
    public Bytes encode() {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        head.writeBytes(selector(signature).toByteArray());
        int headSize = WORD * arguments.size();
        for (Argument argument : arguments) {
            if (argument.dynamic()) {
                head.writeBytes(wordOf(BigInteger.valueOf(headSize + tail.size())));
                tail.writeBytes(wordOf(BigInteger.valueOf(argument.bytes().length)));
                int padded = (argument.bytes().length + WORD - 1) / WORD * WORD;
                tail.writeBytes(Arrays.copyOf(argument.bytes(), padded));
            } else {
                head.writeBytes(argument.bytes());
            }
        }
        head.writeBytes(tail.toByteArray());
        return Bytes.of(head.toByteArray());
    }

    @Override
    public String toString() {
        return "Calldata[" + signature + ", " + arguments.size() + " arguments]";
    }

    private Calldata word(BigInteger unsigned) {
        arguments.add(new Argument(false, wordOf(unsigned)));
        return this;
    }

    private static byte[] wordOf(BigInteger unsigned) {
        byte[] magnitude = unsigned.toByteArray();
        int length = Math.min(magnitude.length, WORD);
        byte[] word = new byte[WORD];
        System.arraycopy(magnitude, magnitude.length - length, word, WORD - length, length);
        return word;
    }

    private record Argument(boolean dynamic, byte[] bytes) {}
}
