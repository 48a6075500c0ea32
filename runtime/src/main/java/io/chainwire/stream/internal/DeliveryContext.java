package io.chainwire.stream.internal;

import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.UnitOfWork;
import io.chainwire.handler.EventContext;
import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;

/**
 * The context of one delivery by a stream: the log's origin, whether it is a removal, and the unit of work, whose
 * connection (in transactional mode) is asked for only when a handler wants it.
 */
record DeliveryContext(RawLog log, boolean removed, UnitOfWork work) implements EventContext {
    DeliveryContext {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(work, "work");
    }

    @Override
    public LogMeta meta() {
        return log.meta();
    }

    @Override
    public Optional<RawLog> rawLog() {
        return Optional.of(log);
    }

    @Override
    public Optional<Connection> connection() {
        return work.connection();
    }
}
