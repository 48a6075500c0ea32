package io.chainwire.contracts;

import io.chainwire.annotation.ContractHandler;
import io.chainwire.handler.EventContext;

/** Handles ERC-20 events; the processor generates {@link Erc20HandlerDispatcher} for it. */
@ContractHandler(ERC20.class)
public interface Erc20Handler {
    /** Tokens moved. */
    void onTransfer(ERC20.Transfer transfer, EventContext context);

    /** An allowance was set. */
    void onApproval(ERC20.Approval approval);
}
