package io.chainwire.codegen.abi;

import java.util.Objects;

/**
 * An event input or a tuple component.
 *
 * @param name the name as the ABI gives it; empty when unnamed
 * @param type the type
 * @param indexed true for an indexed event input (always false for tuple components)
 * @param internalType the ABI's {@code internalType}, for example {@code struct Market.Order[]}, or null
 */
public record AbiParameter(String name, AbiType type, boolean indexed, String internalType) {
    /** Validates the required fields. */
    public AbiParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
