package io.chainwire.stream;

import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.StreamId;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A running stream, as {@link EventStream#start()} returns it: observe it, wait for it, close it. Safe to use from any
 * thread.
 *
 * <pre>{@code
 * try (StreamHandle handle = stream.start()) {
 *   if (!handle.awaitLive(Duration.ofMinutes(10))) {
 *     throw new IllegalStateException("not live: " + handle.state(), handle.failure().orElse(null));
 *   }
 *   ...
 * }
 * }</pre>
 */
public interface StreamHandle extends AutoCloseable {
    /** Returns the stream's id, its checkpoint key. */
    StreamId id();

    /** Returns where the stream is now. */
    StreamState state();

    /**
     * Returns the last block whose unit of work committed (from the checkpoint before the first commit of this run), or
     * empty if the stream has handled no block yet.
     */
    Optional<BlockRef> lastHandledBlock();

    /**
     * Returns what this copy of the stream does: {@link StreamRole#LEADER} while it holds the lease and delivers,
     * {@link StreamRole#STANDBY} while another copy does (or before it took the lease).
     */
    StreamRole role();

    /** Returns the fencing epoch of the lease this copy holds, while it leads. */
    OptionalLong epoch();

    /**
     * Returns true while this copy does its job as leader or standby: it runs and is not {@link StreamState#STALLED}.
     * For a liveness probe.
     */
    default boolean isLive() {
        StreamState state = state();
        return !state.isTerminal() && state != StreamState.STALLED;
    }

    /**
     * Returns true while this copy can serve: it {@linkplain #isLive() is live}, an endpoint answered it, and its last
     * attempt to reach the checkpoint store succeeded. A standby is ready (to take over), so a rolling deploy can wait
     * on readiness; whether this copy leads and is caught up is {@link #role()} together with {@link StreamState#LIVE}.
     * For a readiness probe.
     */
    boolean isReady();

    /** Returns why the stream failed, once its state is {@link StreamState#FAILED}. */
    Optional<StreamException> failure();

    /**
     * Waits until the stream is {@link StreamState#LIVE} (caught up with the node's head less the confirmations), the
     * stream ends, or the timeout elapses.
     *
     * @return true if the stream is live; false on timeout or if it ended ({@link #failure()} says why)
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    boolean awaitLive(Duration timeout) throws InterruptedException;

    /**
     * Waits until the stream has ended ({@link StreamState#STOPPED} or {@link StreamState#FAILED}) and released its
     * threads and connections, or the timeout elapses.
     *
     * @return true if the stream has ended
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /**
     * Stops the stream: the unit of work in progress either finishes (handlers running, commit) or, if it is waiting to
     * retry, is rolled back; then threads stop, node connections close, and a checkpoint store the stream opened itself
     * is closed. Waits for that at most the request timeout plus a few seconds. Calling it again, or after the stream
     * failed, does nothing more.
     */
    @Override
    void close();
}
