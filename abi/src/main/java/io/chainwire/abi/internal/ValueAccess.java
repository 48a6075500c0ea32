package io.chainwire.abi.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import java.util.Objects;

/**
 * Creates ABI values around arrays that the caller has just filled and never touches again, and reads the arrays that
 * values own, skipping the defensive copies that the public factories and {@code toByteArray()} make. For chainwire's
 * own decoders: the JSON-RPC log parser, and the decode benchmarks' hand-written baseline, which reads logs in place as
 * {@link io.chainwire.abi.AbiDecoder} does (the module exports this package to those two modules alone). The
 * implementation is installed by {@code io.chainwire.abi}, the only package that can reach the value types' wrapping
 * constructors and arrays.
 */
public abstract class ValueAccess {
    private static ValueAccess installed;

    /** For the implementation in {@code io.chainwire.abi} only. */
    protected ValueAccess() {}

    /** Returns the implementation, loading the value types first if needed. */
    public static ValueAccess get() {
        ValueAccess access = current();
        if (access == null) {
            // Bytes installs the implementation from its static initialiser.
            Objects.requireNonNull(Bytes.EMPTY);
            access = current();
        }
        return access;
    }

    /**
     * Installs the implementation; called once by {@code io.chainwire.abi}.
     *
     * @throws IllegalStateException if one is already installed
     */
    public static synchronized void install(ValueAccess access) {
        if (installed != null) {
            throw new IllegalStateException("the ABI value access is already installed");
        }
        installed = Objects.requireNonNull(access, "access");
    }

    private static synchronized ValueAccess current() {
        return installed;
    }

    /**
     * Returns a hash owning {@code bytes}.
     *
     * @throws IllegalArgumentException unless there are 32 bytes
     */
    public abstract Hash hash(byte[] bytes);

    /**
     * Returns an address owning {@code bytes}.
     *
     * @throws IllegalArgumentException unless there are 20 bytes
     */
    public abstract Address address(byte[] bytes);

    /** Returns a byte string owning {@code bytes}. */
    public abstract Bytes bytes(byte[] bytes);

    /** Returns the array {@code hash} owns, not a copy: the caller must never change it. */
    public abstract byte[] array(Hash hash);

    /** Returns the array {@code bytes} owns, not a copy: the caller must never change it. */
    public abstract byte[] array(Bytes bytes);
}
