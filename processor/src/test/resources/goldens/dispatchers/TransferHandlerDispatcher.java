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
 * Routes raw logs of {@link Tokens} events to a {@link TransferHandler}.
 *
 * <p>A log of an event the handler takes is decoded and passed to its method; any other
 * log is left alone. A log with the topic 0 and topic count of such an event that does not
 * decode as it is an {@link UndecodableLogException}, and no method is called. An exception
 * from a handler method propagates unchanged. Events, in the order they are tried:
 *
 * <ul>
 *   <li>{@code Transfer(address,address,uint256)} to {@code onTransfer}
 *   <li>{@code Transfer(address,address,uint256)} to {@code onTransferOfToken}
 * </ul>
 */
@Generated("io.chainwire.processor")
public final class TransferHandlerDispatcher implements EventDispatcher {
  private static final Set<Hash> TOPICS = Set.of(Tokens.TransferIndexedFromTo.TOPIC0);

  private final TransferHandler handler;

  /**
   * Creates a dispatcher that calls {@code handler}.
   *
   * @throws NullPointerException if {@code handler} is null
   */
  public TransferHandlerDispatcher(TransferHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public Set<Hash> topics() {
    return TOPICS;
  }

  @Override
  public boolean dispatch(RawLog log, EventContext context) {
    if (Tokens.TransferIndexedFromTo.matches(log)) {
      Tokens.TransferIndexedFromTo event;
      try {
        event = Tokens.TransferIndexedFromTo.decode(log);
      } catch (AbiDecodingException e) {
        throw new UndecodableLogException(log.meta(), Tokens.TransferIndexedFromTo.SIGNATURE, e);
      }
      handler.onTransfer(event);
      return true;
    }
    if (Tokens.TransferIndexedFromToTokenId.matches(log)) {
      Tokens.TransferIndexedFromToTokenId event;
      try {
        event = Tokens.TransferIndexedFromToTokenId.decode(log);
      } catch (AbiDecodingException e) {
        throw new UndecodableLogException(log.meta(), Tokens.TransferIndexedFromToTokenId.SIGNATURE, e);
      }
      handler.onTransferOfToken(event);
      return true;
    }
    return false;
  }
}
