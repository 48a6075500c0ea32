package io.chainwire.contracts;

import io.chainwire.annotation.ContractHandler;

/** Handles events of {@link Greeter}, generated from an ABI in {@code -Achainwire.abiDirectory}. */
@ContractHandler(Greeter.class)
public interface GreeterHandler {
    /** A message was sent. */
    void onMessageSent(Greeter.MessageSent message);
}
