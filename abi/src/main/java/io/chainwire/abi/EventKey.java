package io.chainwire.abi;

import java.util.Objects;

/**
 * The identity of one event on one chain branch: the block that holds it, the transaction that emitted it and its
 * position in the block. At-least-once handlers remember the keys they have applied and skip a key they see again; a
 * reorganisation that moves the log to another block gives it a new key, because the block hash changes.
 *
 * @param blockHash the hash of the block holding the log
 * @param transactionHash the hash of the transaction that emitted the log
 * @param logIndex the log's position in the block
 */
public record EventKey(Hash blockHash, Hash transactionHash, int logIndex) {

    /** Validates that no field is missing or negative. */
    public EventKey {
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(transactionHash, "transactionHash");
        if (logIndex < 0) {
            throw new IllegalArgumentException("logIndex must not be negative, got " + logIndex);
        }
    }
}
