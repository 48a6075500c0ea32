package io.chainwire.testkit;

/**
 * A Solidity source could not be compiled: solc rejected it (the message holds solc's formatted errors, with file, line
 * and column), or the compiler could not be found or run.
 */
public final class SolidityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message saying what failed. */
    public SolidityException(String message) {
        super(message);
    }

    /** Creates an exception with a message saying what failed, and the cause. */
    public SolidityException(String message, Throwable cause) {
        super(message, cause);
    }
}
