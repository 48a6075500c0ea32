package io.chainwire.abi;

/**
 * A log does not hold a valid encoding of the event it claims to be. Any contract can emit any topic 0, so this is an
 * expected outcome for hostile or foreign logs, not a bug.
 *
 * <p>The message says what was wrong and where: the event signature, the field, and the topic or data offset.
 */
public final class AbiDecodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String event;
    private final String field;

    /** Creates an exception for {@code event} (its signature) and {@code field} (its path, or null). */
    public AbiDecodingException(String event, String field, String reason) {
        super(event + (field == null ? "" : ", field " + field) + ": " + reason);
        this.event = event;
        this.field = field;
    }

    /**
     * Returns the signature of the event being decoded, for example {@code Transfer(address,address,uint256)}, or the
     * contract name when a contract-level {@code decode} found no event for the log.
     */
    public String event() {
        return event;
    }

    /** Returns the path of the field being decoded, for example {@code orders[].amount}, or null for the whole log. */
    public String field() {
        return field;
    }
}
