package io.chainwire.stream;

/** Where a stream is in its life; see {@link StreamHandle#state()}. */
public enum StreamState {
    /** Probing the endpoints, taking the lease, loading the checkpoint and reading the node's head. */
    STARTING,
    /**
     * Delivering nothing, waiting: another copy of the stream (same id, same checkpoint store) holds the lease and
     * delivers, and this one takes over when the lease expires or is released; or the checkpoint store cannot be
     * reached, and this one tries again with backoff until it answers (the stream fails past
     * {@link EventStream.Builder#storeOutageLimit}).
     */
    STANDBY,
    /**
     * Catching up with the head: by {@code eth_getLogs} over block ranges up to the settled part of the chain, then
     * block by block.
     */
    BACKFILLING,
    /** Caught up: following new blocks as they arrive, block by block. */
    LIVE,
    /**
     * Making no progress for longer than the stall timeout while its node requests fail or the head stays ahead; the
     * stream keeps trying, and reports the state it was in again once it moves.
     */
    STALLED,
    /** Closed by {@link StreamHandle#close()}; terminal. */
    STOPPED,
    /** Ended by an error, which {@link StreamHandle#failure()} returns; terminal. */
    FAILED;

    /** Returns true for {@link #STOPPED} and {@link #FAILED}. */
    public boolean isTerminal() {
        return this == STOPPED || this == FAILED;
    }
}
