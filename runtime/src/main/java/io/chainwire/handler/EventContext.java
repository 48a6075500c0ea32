package io.chainwire.handler;

import io.chainwire.abi.LogMeta;

/** What a handler may need besides the event itself. */
public interface EventContext {
  /** Returns where the event's log came from. */
  LogMeta meta();

  /**
   * Returns true when this call reports that a previously delivered event was removed by a chain
   * reorganisation; the handler should undo its effects.
   */
  boolean removed();

  /** Returns a context for a log as it was delivered, not removed. */
  static EventContext of(LogMeta meta) {
    return new SimpleEventContext(meta, false);
  }

  /** Returns a context that reports the removal of a previously delivered log. */
  static EventContext removal(LogMeta meta) {
    return new SimpleEventContext(meta, true);
  }
}
