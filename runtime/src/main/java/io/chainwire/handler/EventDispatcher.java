package io.chainwire.handler;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import java.util.Set;

/**
 * Routes raw logs to a typed handler. The annotation processor generates one implementation per
 * {@link io.chainwire.annotation.ContractHandler} interface; several dispatchers on one stream
 * form an event bus.
 */
public interface EventDispatcher {
  /** Returns the topic 0 of every event this dispatcher has a handler method for. */
  Set<Hash> topics();

  /**
   * Decodes {@code log} and calls the handler method for its event.
   *
   * @return false if no handler method takes this log's event, true if one was called
   * @throws io.chainwire.abi.AbiDecodingException if the log claims an event but does not encode it
   */
  boolean dispatch(RawLog log, EventContext context);
}
