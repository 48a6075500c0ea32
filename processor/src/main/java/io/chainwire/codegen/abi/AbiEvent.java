package io.chainwire.codegen.abi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An event entry of an ABI.
 *
 * @param name the event name
 * @param inputs the parameters, in declaration order
 * @param anonymous true if the event does not emit its signature hash as topic 0
 */
public record AbiEvent(String name, List<AbiParameter> inputs, boolean anonymous) {
    /** The most indexed inputs a non-anonymous event can have. */
    public static final int MAX_INDEXED = 3;

    /** The most indexed inputs an anonymous event can have. */
    public static final int MAX_INDEXED_ANONYMOUS = 4;

    /** Copies the input list. */
    public AbiEvent {
        inputs = List.copyOf(inputs);
    }

    /** Returns the canonical signature, for example {@code Transfer(address,address,uint256)}. */
    public String signature() {
        return inputs.stream().map(p -> p.type().canonical()).collect(Collectors.joining(",", name + "(", ")"));
    }

    /** Returns the number of topics a log of this event carries: the indexed inputs, plus topic 0 unless anonymous. */
    public int topicCount() {
        int indexed = (int) inputs.stream().filter(AbiParameter::indexed).count();
        return anonymous ? indexed : indexed + 1;
    }
}
