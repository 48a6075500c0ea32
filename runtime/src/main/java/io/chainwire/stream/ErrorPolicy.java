package io.chainwire.stream;

/**
 * What a stream does when a handler fails on an event with a deterministic error: one that is not a
 * {@link io.chainwire.handler.TransientHandlerException} and not caused by a {@link java.sql.SQLTransientException} or
 * an {@link java.io.IOException}. Transient failures are retried first; if they persist, the stream fails whatever the
 * policy.
 */
public enum ErrorPolicy {
    /**
     * The stream fails with a {@link HandlerFailedException} naming the event and the handler; the unit of work holding
     * the event is rolled back, so the checkpoint stays before that block and a restart delivers the block again. The
     * default.
     */
    STOP,
    /** The event is logged at WARN with its key and the failure, and the stream goes on. */
    SKIP,
    /**
     * The event is recorded in the checkpoint store's dead-letter table, in the block's unit of work, logged at WARN,
     * and the stream goes on.
     */
    DEAD_LETTER
}
