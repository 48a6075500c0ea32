package io.chainwire.rpc.internal;

import java.io.IOException;

/**
 * The last value read for one fixed-size hex field of consecutive logs, with its digits as they came. Nodes repeat a
 * log's block hash, transaction hash, address and topic 0 in the logs after it; a repeat is recognised by comparing
 * digits, and is then neither decoded nor allocated again (the values are immutable, so logs share them).
 *
 * @param <T> the value type
 */
final class Repeated<T> {
    private final byte[] digits;
    private T value;

    /** Creates an empty one for values of {@code size} bytes. */
    Repeated(int size) {
        this.digits = new byte[2 * size];
    }

    /** Reads a fresh value from the reader's current string; throws as the plain readers do. */
    @FunctionalInterface
    interface Reader<T> {
        T read(JsonReader reader) throws IOException;
    }

    /**
     * Reads the reader's current string: the last value if the string repeats its digits, else a fresh one with
     * {@code fresh}, which becomes the last value.
     */
    T read(JsonReader reader, Reader<T> fresh) throws IOException {
        if (value != null && reader.repeatsHex(digits)) {
            return value;
        }
        T read = fresh.read(reader);
        value = reader.copyHexDigits(digits) ? read : null;
        return read;
    }
}
