package io.chainwire.stream.internal;

import io.chainwire.abi.LogMeta;
import io.chainwire.handler.EventContext;
import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;

/**
 * The context of one delivery by a stream: the log's origin, whether it is a removal, and the unit
 * of work's connection in transactional mode.
 */
record DeliveryContext(LogMeta meta, boolean removed, Optional<Connection> connection) implements EventContext {
  DeliveryContext {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(connection, "connection");
  }
}
