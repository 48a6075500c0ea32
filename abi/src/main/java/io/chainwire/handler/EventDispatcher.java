package io.chainwire.handler;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import java.util.Set;

/**
 * Routes raw logs to a typed handler. The annotation processor generates one implementation per
 * {@link io.chainwire.annotation.ContractHandler} interface; several dispatchers on one stream form an event bus.
 */
public interface EventDispatcher {
    /** Returns the topic 0 of every event this dispatcher has a handler method for. */
    Set<Hash> topics();

    /**
     * Decodes {@code log} and calls the handler method for its event. An exception the handler method throws propagates
     * unchanged.
     *
     * @return false if no handler method takes this log's event, true if one was called
     * @throws UndecodableLogException if the log's topic 0 and topic count are those of an event a handler method
     *     takes, but its topics or data do not encode that event; no handler method was called
     */
    boolean dispatch(RawLog log, EventContext context);
}
