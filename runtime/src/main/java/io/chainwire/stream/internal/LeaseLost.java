package io.chainwire.stream.internal;

/**
 * The stream can no longer prove it holds its lease (another copy took over, or renewals failed for too long): it stops
 * delivering at once, rolls back the unit of work in progress, and waits as a standby.
 */
final class LeaseLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LeaseLost(String message) {
        super(message, null, false, false);
    }
}
