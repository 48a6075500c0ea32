package io.chainwire.stream;

import io.chainwire.abi.EventKey;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.StreamId;
import java.util.Objects;
import java.util.Optional;

/**
 * A handler failed on an event and the stream stopped there: under {@link ErrorPolicy#STOP}, or because a transient
 * failure persisted through every retry. The unit of work holding the event (its block, or in a backfill its range of
 * blocks) was rolled back, so the checkpoint stays where the message says, at or before the block before
 * {@link #blockNumber()}, and a restart delivers the event again. The cause is the handler's exception.
 */
public final class HandlerFailedException extends StreamException {
    private static final long serialVersionUID = 1L;

    private final transient EventKey key;
    private final String handler;
    private final long blockNumber;
    private final boolean removal;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param key the failed event's key
     * @param blockNumber the event's block
     * @param handler the dispatcher that failed, by class name
     * @param removal true if the call delivered the event's removal
     * @param detail how it failed, for example "after 10 attempts"
     * @param checkpoint the last block committed, where the stream resumes after, if any
     * @param cause the handler's exception
     */
    public HandlerFailedException(
            StreamId stream,
            EventKey key,
            long blockNumber,
            String handler,
            boolean removal,
            String detail,
            Optional<BlockRef> checkpoint,
            Throwable cause) {
        super(stream, describe(key, blockNumber, handler, removal, detail, checkpoint, cause), cause);
        this.key = Objects.requireNonNull(key, "key");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.blockNumber = blockNumber;
        this.removal = removal;
    }

    private static String describe(
            EventKey key,
            long blockNumber,
            String handler,
            boolean removal,
            String detail,
            Optional<BlockRef> checkpoint,
            Throwable cause) {
        return "handler "
                + handler
                + " failed on "
                + (removal ? "the removal of " : "")
                + "the event in block "
                + blockNumber
                + " ("
                + key.blockHash()
                + "), transaction "
                + key.transactionHash()
                + ", log index "
                + key.logIndex()
                + " "
                + detail
                + "; "
                + checkpoint.map(block -> "the checkpoint stays at " + block).orElse("the stream has no checkpoint yet")
                + ": "
                + cause;
    }

    /** Returns the key of the event the handler failed on. */
    public EventKey key() {
        return key;
    }

    /** Returns the number of the block holding the event. */
    public long blockNumber() {
        return blockNumber;
    }

    /** Returns the class name of the dispatcher that failed. */
    public String handler() {
        return handler;
    }

    /** Returns true if the failed call delivered the event's removal after a reorganisation. */
    public boolean removal() {
        return removal;
    }
}
