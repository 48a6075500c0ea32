package io.chainwire.rpc;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.internal.Hex;
import io.chainwire.abi.internal.Keccak256;
import java.util.Arrays;
import java.util.Objects;

/**
 * A logs bloom: the 2048-bit filter that a block header (and a receipt) carries over the addresses and topics of its
 * logs, so that a block that cannot hold a log of interest is known without its logs. Immutable; equal by content;
 * {@link #toString()} is its hex form, as nodes send it.
 *
 * <p>Each item (an address's 20 bytes, a topic's 32) sets three bits, as the yellow paper's M3:2048 says: of the
 * Keccak-256 hash of the item, the low 11 bits of each of the first three byte pairs name a bit, counted from the least
 * significant end of the 256 bytes read as one big-endian number; bit {@code b} is bit {@code b % 8} of byte {@code 255
 * - b / 8}.
 *
 * <pre>{@code
 * Bloom bloom = Bloom.of(logsOfTheBlock);   // equals the block's logsBloom
 * boolean maybe = bloom.mightContain(token) && bloom.mightContain(Transfer.TOPIC0);
 * }</pre>
 */
public final class Bloom {
    /** The size of a bloom in bytes. */
    public static final int BYTES = 256;
    /** The bloom of no logs: all bits clear. */
    public static final Bloom EMPTY = new Bloom(new byte[BYTES]);

    private final byte[] bits;

    private Bloom(byte[] bits) {
        this.bits = bits;
    }

    /**
     * Returns the bloom with these 256 bytes, as a header holds them.
     *
     * @throws IllegalArgumentException unless there are exactly 256 bytes
     */
    public static Bloom of(byte[] bytes) {
        return new Bloom(requireSize(bytes.clone()));
    }

    /**
     * Parses {@code 0x} and 512 hex digits, as nodes send a {@code logsBloom}.
     *
     * @throws IllegalArgumentException if the text is not that
     */
    public static Bloom fromHex(String hex) {
        return new Bloom(requireSize(Hex.decode(hex)));
    }

    /** Returns the bloom of {@code logs}: of their addresses and topics, as a block header computes it. */
    public static Bloom of(Iterable<RawLog> logs) {
        Builder builder = builder();
        for (RawLog log : logs) {
            builder.add(log);
        }
        return builder.build();
    }

    /** Returns a builder that starts from the empty bloom. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns true if a log from {@code address} may be among the logs of this bloom; false means it certainly is not.
     */
    public boolean mightContain(Address address) {
        return mightContainItem(address.toByteArray());
    }

    /**
     * Returns true if a log with {@code topic} (at any position) may be among the logs of this bloom; false means none
     * is.
     */
    public boolean mightContain(Hash topic) {
        return mightContainItem(topic.toByteArray());
    }

    /**
     * Returns true if every bit of {@code items} is set in this bloom: when {@code items} is the bloom of one address
     * or topic, the same answer as {@link #mightContain(Address)}, without hashing it again, for callers that test the
     * same items against many blocks.
     */
    public boolean mightContainAll(Bloom items) {
        for (int i = 0; i < BYTES; i++) {
            if ((bits[i] & items.bits[i]) != items.bits[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean mightContainItem(byte[] item) {
        for (int bit : bitsOf(item)) {
            if ((bits[byteOf(bit)] & maskOf(bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Returns a copy of the 256 bytes. */
    public byte[] toByteArray() {
        return bits.clone();
    }

    /** Returns {@code 0x} followed by 512 lowercase hex digits. */
    public String toHex() {
        return Hex.encode(bits);
    }

    /** Returns {@link #toHex()}. */
    @Override
    public String toString() {
        return toHex();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bloom that && Arrays.equals(bits, that.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    private static byte[] requireSize(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException(
                    "a logs bloom has " + BYTES + " bytes (" + 2 * BYTES + " hex digits), got " + bytes.length);
        }
        return bytes;
    }

    // The three bits an item sets: the low 11 bits of each of the first three byte pairs of its hash.
    private static int[] bitsOf(byte[] item) {
        byte[] hash = Keccak256.digest(item);
        int[] bits = new int[3];
        for (int i = 0; i < 3; i++) {
            bits[i] = ((hash[2 * i] & 0x07) << 8) | (hash[2 * i + 1] & 0xff);
        }
        return bits;
    }

    private static int byteOf(int bit) {
        return BYTES - 1 - (bit >>> 3);
    }

    private static int maskOf(int bit) {
        return 1 << (bit & 7);
    }

    /** Accumulates the addresses and topics of logs into a bloom. Not thread-safe; reusable after {@link #build()}. */
    public static final class Builder {
        private final byte[] bits = new byte[BYTES];

        private Builder() {}

        /** Adds a log's address and every one of its topics. */
        public Builder add(RawLog log) {
            add(log.address());
            for (Hash topic : log.topics()) {
                add(topic);
            }
            return this;
        }

        /** Adds an address. */
        public Builder add(Address address) {
            return addItem(Objects.requireNonNull(address, "address").toByteArray());
        }

        /** Adds a topic. */
        public Builder add(Hash topic) {
            return addItem(Objects.requireNonNull(topic, "topic").toByteArray());
        }

        private Builder addItem(byte[] item) {
            for (int bit : bitsOf(item)) {
                bits[byteOf(bit)] |= (byte) maskOf(bit);
            }
            return this;
        }

        /** Returns the bloom of everything added so far. */
        public Bloom build() {
            return new Bloom(bits.clone());
        }
    }
}
