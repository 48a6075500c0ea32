package io.chainwire.benchmarks.transfers;

import io.chainwire.annotation.ContractHandler;
import io.chainwire.benchmarks.contracts.Erc20;
import io.chainwire.handler.EventContext;

/**
 * Handles ERC-20 {@code Transfer} events; the annotation processor generates {@code TransferHandlerDispatcher}, which
 * decodes raw logs and calls it.
 */
@ContractHandler(Erc20.class)
public interface TransferHandler {
    /**
     * Called for each {@code Transfer(address indexed from, address indexed to, uint256 value)} log.
     *
     * @param event the decoded event
     * @param context where the log came from
     */
    void onTransfer(Erc20.Transfer event, EventContext context);
}
