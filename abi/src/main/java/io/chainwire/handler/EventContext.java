package io.chainwire.handler;

import io.chainwire.abi.EventKey;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import java.sql.Connection;
import java.util.Optional;

/**
 * What a handler may need besides the event itself: where the log came from, whether this call reports its removal by a
 * reorganisation, its idempotency key, and, in transactional mode, the database connection whose transaction commits
 * together with the stream's checkpoint.
 */
public interface EventContext {
    /** Returns where the event's log came from. */
    LogMeta meta();

    /**
     * Returns true when this call reports that a previously delivered event was removed by a chain reorganisation; the
     * handler should undo its effects.
     */
    boolean removed();

    /**
     * Returns the event's idempotency key: (block hash, transaction hash, log index). Delivery is at least once; a
     * handler that is not transactional remembers the keys it applied and skips a key it sees again.
     */
    default EventKey key() {
        return meta().eventKey();
    }

    /**
     * Returns the JDBC connection of the unit of work that delivers this event, when the stream's checkpoint store is
     * transactional: write through it and the writes commit in the same transaction as the checkpoint, so their effects
     * are exactly once. Do not commit, roll back or close it. Empty for a store without transactions and for contexts
     * made with {@link #of}.
     */
    default Optional<Connection> connection() {
        return Optional.empty();
    }

    /**
     * Returns the raw log the event was decoded from, when a stream delivers it: its topics and data byte for byte, for
     * what a decoded value cannot keep (a {@code string} holding invalid UTF-8 decodes with U+FFFD in its place). Empty
     * for contexts made with {@link #of} and {@link #removal}.
     */
    default Optional<RawLog> rawLog() {
        return Optional.empty();
    }

    /** Returns a context for a log as it was delivered, not removed. */
    static EventContext of(LogMeta meta) {
        return new SimpleEventContext(meta, false);
    }

    /** Returns a context that reports the removal of a previously delivered log. */
    static EventContext removal(LogMeta meta) {
        return new SimpleEventContext(meta, true);
    }
}
