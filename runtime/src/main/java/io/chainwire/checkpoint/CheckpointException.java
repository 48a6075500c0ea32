package io.chainwire.checkpoint;

import io.chainwire.checkpoint.internal.StoreFailures;

/**
 * A checkpoint store could not do what was asked: the database failed or holds something this version cannot use, or a
 * write would break the checkpoint's rules (a block not above the last handled one, a parent hash that does not match).
 * The message says what was being done, for which stream and in which store.
 */
public class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message saying what failed and where. */
    public CheckpointException(String message) {
        super(message);
    }

    /** Creates an exception with a message saying what failed and where, and the cause. */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Returns true if the failure may pass when the work is tried again: the database connection broke or was refused,
     * the server is shutting down or restarting, the database was busy or locked, or a transaction lost a serialisation
     * conflict. A unit of work whose commit failed transiently has an unknown outcome: reload the checkpoint to learn
     * whether it took effect.
     */
    public boolean isTransient() {
        return StoreFailures.isTransient(this);
    }
}
