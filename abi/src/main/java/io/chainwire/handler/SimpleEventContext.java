package io.chainwire.handler;

import io.chainwire.abi.LogMeta;
import java.util.Objects;

/** The plain {@link EventContext}: the log's origin and whether it is a removal. */
record SimpleEventContext(LogMeta meta, boolean removed) implements EventContext {
    SimpleEventContext {
        Objects.requireNonNull(meta, "meta");
    }
}
