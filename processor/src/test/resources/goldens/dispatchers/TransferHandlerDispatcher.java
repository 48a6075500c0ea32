package test;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import java.lang.NullPointerException;
import java.lang.Override;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Routes raw logs of {@link Tokens} events to a {@link TransferHandler}.
 *
 * <p>A log of an event the handler takes is decoded and passed to its method; any other
 * log is left alone. Events, in the order they are tried:
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
      handler.onTransfer(Tokens.TransferIndexedFromTo.decode(log));
      return true;
    }
    if (Tokens.TransferIndexedFromToTokenId.matches(log)) {
      handler.onTransferOfToken(Tokens.TransferIndexedFromToTokenId.decode(log));
      return true;
    }
    return false;
  }
}
