package io.chainwire.handler;

/**
 * Thrown by a handler to say that its failure is temporary (a service it calls is briefly down, a lock timed out) and
 * the same event should be tried again. A stream retries such a failure with backoff, undoing the failed call's
 * transactional writes each time; so it does for failures caused by a {@link java.sql.SQLTransientException} or an
 * {@link java.io.IOException}. Any other exception is deterministic and goes to the stream's error policy.
 */
public class TransientHandlerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what failed. */
    public TransientHandlerException(String message) {
        super(message);
    }

    /** Creates the exception with a message saying what failed, and its cause. */
    public TransientHandlerException(String message, Throwable cause) {
        super(message, cause);
    }
}
