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
 * Routes raw logs of {@link Token} events to a {@link Handlers.Transfers}.
 *
 * <p>A log of an event the handler takes is decoded and passed to its method; any other
 * log is left alone. A log with the topic 0 and topic count of such an event that does not
 * decode as it is an {@link UndecodableLogException}, and no method is called. An exception
 * from a handler method propagates unchanged. Events, in the order they are tried:
 *
 * <ul>
 *   <li>{@code Transfer(address,address,uint256)} to {@code onTransfer}
 * </ul>
 */
@Generated("io.chainwire.processor")
final class Handlers_TransfersDispatcher implements EventDispatcher {
  private static final Set<Hash> TOPICS = Set.of(Token.Transfer.TOPIC0);

  private final Handlers.Transfers handler;

  /**
   * Creates a dispatcher that calls {@code handler}.
   *
   * @throws NullPointerException if {@code handler} is null
   */
  public Handlers_TransfersDispatcher(Handlers.Transfers handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public Set<Hash> topics() {
    return TOPICS;
  }

  @Override
  public boolean dispatch(RawLog log, EventContext context) {
    if (Token.Transfer.matches(log)) {
      Token.Transfer event;
      try {
        event = Token.Transfer.decode(log);
      } catch (AbiDecodingException e) {
        throw new UndecodableLogException(log.meta(), Token.Transfer.SIGNATURE, e);
      }
      handler.onTransfer(event);
      return true;
    }
    return false;
  }
}
