package io.chainwire.stream;

/**
 * What a copy of a stream does: several copies with the same id on one checkpoint store take turns through the store's
 * lease, one {@link #LEADER} delivering and the others {@link #STANDBY}.
 */
public enum StreamRole {
    /** Waiting for the lease: it takes over when the leader's lease expires or is released. */
    STANDBY,
    /** Holding the lease: the one copy that delivers and commits. */
    LEADER
}
