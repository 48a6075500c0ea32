package io.chainwire.abi;

/**
 * A decoded contract event. Generated event records implement it through their contract's sealed {@code Event}
 * interface.
 */
public interface ContractEvent {
    /** Returns where the log this event was decoded from came from. */
    LogMeta meta();
}
