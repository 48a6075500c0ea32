package io.chainwire.testkit;

import io.chainwire.abi.Bytes;
import java.util.Objects;

/**
 * One contract compiled by {@link Solidity}.
 *
 * @param name the contract's name in its source
 * @param abi the contract's ABI as compact JSON text (a plain array)
 * @param bytecode the creation bytecode, which {@link Contracts#deploy} sends; empty for an interface or abstract
 *     contract
 */
public record CompiledContract(String name, String abi, Bytes bytecode) {
    /** Validates that no field is missing. */
    public CompiledContract {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(abi, "abi");
        Objects.requireNonNull(bytecode, "bytecode");
    }

    /** Returns the name and sizes, not the whole ABI and bytecode. */
    @Override
    public String toString() {
        return "CompiledContract[" + name + ", abi " + abi.length() + " chars, bytecode " + bytecode.length()
                + " bytes]";
    }
}
