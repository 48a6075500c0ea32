package test;

import io.chainwire.abi.AbiDecodingException;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.handler.UndecodableLogException;
import java.lang.NullPointerException;
import java.lang.Override;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Routes raw logs of {@link Hello} events to a {@link PingHandler}.
 *
 * <p>A log of an event the handler takes is decoded and passed to its method; any other
 * log is left alone. A log with the topic 0 and topic count of such an event that does not
 * decode as it is an {@link UndecodableLogException}, and no method is called. An exception
 * from a handler method propagates unchanged. Events, in the order they are tried:
 *
 * <ul>
 *   <li>{@code Ping(uint256)} to {@code onPing}
 *   <li>{@code MessageSent(address,string)} to {@code onEvent}
 * </ul>
 */
@Generated("io.chainwire.processor")
public final class PingHandlerDispatcher implements EventDispatcher {
  private static final Set<Hash> TOPICS = Set.of(Hello.Ping.TOPIC0, Hello.MessageSent.TOPIC0);

  private final PingHandler handler;

  /**
   * Creates a dispatcher that calls {@code handler}.
   *
   * @throws NullPointerException if {@code handler} is null
   */
  public PingHandlerDispatcher(PingHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public Set<Hash> topics() {
    return TOPICS;
  }

  @Override
  public boolean dispatch(RawLog log, EventContext context) {
    if (Hello.Ping.matches(log)) {
      Hello.Ping event;
      try {
        event = Hello.Ping.decode(log);
      } catch (AbiDecodingException e) {
        throw new UndecodableLogException(log.meta(), Hello.Ping.SIGNATURE, e);
      }
      handler.onPing(event, context);
      return true;
    }
    if (Hello.MessageSent.matches(log)) {
      Hello.MessageSent event;
      try {
        event = Hello.MessageSent.decode(log);
      } catch (AbiDecodingException e) {
        throw new UndecodableLogException(log.meta(), Hello.MessageSent.SIGNATURE, e);
      }
      handler.onEvent(event);
      return true;
    }
    return false;
  }
}
