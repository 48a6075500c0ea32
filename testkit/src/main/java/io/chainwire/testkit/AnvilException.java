package io.chainwire.testkit;

/**
 * A local anvil node could not be found, started, reached or stopped, or a transaction sent to it failed. The message
 * says which, and for startup failures names anvil's log file and its last lines.
 */
public class AnvilException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message saying what failed. */
    public AnvilException(String message) {
        super(message);
    }

    /** Creates an exception with a message saying what failed, and the cause. */
    public AnvilException(String message, Throwable cause) {
        super(message, cause);
    }
}
