package io.chainwire.abi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An indexed event argument of a reference type ({@code string}, {@code bytes}, an array or a tuple). A log holds only
 * the Keccak-256 hash of such a value's encoding, never the value, so the decoded event carries this typed hash.
 *
 * @param <T> the Java type the argument would have if it were not indexed
 */
public final class Indexed<T> {
    private final Hash hash;

    private Indexed(Hash hash) {
        this.hash = hash;
    }

    /** Wraps the topic hash of an indexed value. */
    public static <T> Indexed<T> ofHash(Hash hash) {
        return new Indexed<>(Objects.requireNonNull(hash, "hash"));
    }

    /** Returns the topic an indexed {@code string} argument equal to {@code value} produces. */
    public static Indexed<String> ofString(String value) {
        return new Indexed<>(Hash.keccak256(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns the topic an indexed {@code bytes} argument equal to {@code value} produces. */
    public static Indexed<Bytes> ofBytes(Bytes value) {
        return new Indexed<>(Hash.keccak256(value.bytes));
    }

    /** Returns the Keccak-256 hash the log carries for this argument. */
    public Hash hash() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Indexed<?> that && hash.equals(that.hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "Indexed[" + hash.toHex() + "]";
    }
}
