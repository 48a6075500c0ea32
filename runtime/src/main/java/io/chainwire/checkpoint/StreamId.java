package io.chainwire.checkpoint;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name under which a stream's checkpoint and dead letters are stored: 1 to 64 characters, letters, digits,
 * {@code .}, {@code _} and {@code -}, starting with a letter or digit. Keep it stable: a renamed stream starts again
 * from its configured start block.
 */
public final class StreamId {
    /** The longest stream id. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String value;

    private StreamId(String value) {
        this.value = value;
    }

    /**
     * Returns the stream id {@code value}.
     *
     * @throws IllegalArgumentException if the value is not a valid stream id
     */
    public static StreamId of(String value) {
        Objects.requireNonNull(value, "stream id");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "stream id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, got \""
                            + value
                            + "\"");
        }
        return new StreamId(value);
    }

    /** Returns the id as text. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
