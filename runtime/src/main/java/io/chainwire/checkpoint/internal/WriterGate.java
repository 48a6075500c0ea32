package io.chainwire.checkpoint.internal;

import io.chainwire.checkpoint.CheckpointException;
import java.util.concurrent.Semaphore;

/**
 * Lets one unit of work at a time write to a store, and closes the store only when none is open. A permit rather than a
 * lock, so a unit of work may end on another thread than the one that began it; the holder is tracked to reject a
 * second unit of work on the same thread, which would otherwise wait for itself forever.
 */
public final class WriterGate {
    private final Semaphore permit = new Semaphore(1, true);
    private final String location;
    private volatile Thread holder;
    private boolean closed;

    /** Creates the gate of the store at {@code location}, named in errors. */
    public WriterGate(String location) {
        this.location = location;
    }

    /**
     * Waits until no unit of work is open, then admits the calling thread.
     *
     * @throws IllegalStateException if the calling thread already holds the gate or the store is closed
     * @throws CheckpointException if interrupted while waiting
     */
    public void enter() {
        if (holder == Thread.currentThread()) {
            throw new IllegalStateException(
                    "this thread already has a unit of work open on " + location + "; commit or close it first");
        }
        acquire();
        if (closed) {
            permit.release();
            throw new IllegalStateException("the checkpoint store " + location + " is closed");
        }
        holder = Thread.currentThread();
    }

    /** Lets the next unit of work in. */
    public void leave() {
        holder = null;
        permit.release();
    }

    /**
     * Waits until no unit of work is open, then runs {@code release} once, the first time the store is closed; later
     * units of work are refused.
     */
    public void close(Runnable release) {
        acquire();
        try {
            if (!closed) {
                closed = true;
                release.run();
            }
        } finally {
            permit.release();
        }
    }

    private void acquire() {
        try {
            permit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointException("interrupted while waiting for the writer of " + location, e);
        }
    }
}
