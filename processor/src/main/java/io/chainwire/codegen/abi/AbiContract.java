package io.chainwire.codegen.abi;

import java.util.List;

/**
 * The events of one contract ABI. Functions, errors and other entries are read and dropped.
 *
 * @param name the contract name: from the artifact or combined JSON, else from the file name
 * @param events the events, in ABI order
 */
public record AbiContract(String name, List<AbiEvent> events) {
    /** Copies the event list. */
    public AbiContract {
        events = List.copyOf(events);
    }
}
