package io.chainwire.handler;

import io.chainwire.abi.AbiDecodingException;
import io.chainwire.abi.LogMeta;
import java.util.Objects;

/**
 * A log claims, by its topic 0 and topic count, to be an event a dispatcher routes, but its topics or data do not
 * decode as that event. Any contract can emit any topic 0, so this says that the log is not the event, not that a
 * handler failed: no handler method was called. A stream counts such a log, warns, records it as a dead letter where it
 * keeps them, and goes on.
 *
 * <p>Thrown by generated {@link EventDispatcher}s; an exception thrown by a handler method reaches the caller
 * unchanged, never as this type.
 */
public final class UndecodableLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient LogMeta meta;
    private final String signature;

    /**
     * Creates the exception.
     *
     * @param meta where the log came from
     * @param signature the signature of the event the log claims to be, for example
     *     {@code Transfer(address,address,uint256)}
     * @param cause why the log does not decode as that event
     */
    public UndecodableLogException(LogMeta meta, String signature, AbiDecodingException cause) {
        super(describe(meta, signature, cause), cause);
        this.meta = meta;
        this.signature = signature;
    }

    private static String describe(LogMeta meta, String signature, AbiDecodingException cause) {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(cause, "cause");
        return "the log at block " + meta.blockNumber() + ", log index " + meta.logIndex() + ", from " + meta.address()
                + " has the topic 0 of " + signature + " but does not decode as it: " + cause.getMessage();
    }

    /** Returns where the log came from; null after deserialisation, which does not keep it. */
    public LogMeta meta() {
        return meta;
    }

    /**
     * Returns the signature of the event the log claims to be, for example {@code Transfer(address,address,uint256)}.
     */
    public String signature() {
        return signature;
    }

    /** Returns why the log does not decode as the event. */
    @Override
    public AbiDecodingException getCause() {
        return (AbiDecodingException) super.getCause();
    }
}
