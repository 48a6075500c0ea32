package io.chainwire.abi;

import java.util.Objects;

/**
 * Where a log came from: the emitting contract, its block and transaction, and its position.
 *
 * @param address the contract that emitted the log
 * @param blockNumber the number of the block holding the log
 * @param blockHash the hash of that block
 * @param transactionHash the hash of the transaction that emitted the log
 * @param transactionIndex the transaction's position in the block
 * @param logIndex the log's position in the block
 */
public record LogMeta(
        Address address, long blockNumber, Hash blockHash, Hash transactionHash, int transactionIndex, int logIndex) {

    /** Validates that no field is missing or negative. */
    public LogMeta {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(transactionHash, "transactionHash");
        if (blockNumber < 0) {
            throw new IllegalArgumentException("blockNumber must not be negative, got " + blockNumber);
        }
        if (transactionIndex < 0) {
            throw new IllegalArgumentException("transactionIndex must not be negative, got " + transactionIndex);
        }
        if (logIndex < 0) {
            throw new IllegalArgumentException("logIndex must not be negative, got " + logIndex);
        }
    }

    /** Returns the idempotency key of the event this log carries: (block hash, transaction hash, log index). */
    public EventKey eventKey() {
        return new EventKey(blockHash, transactionHash, logIndex);
    }
}
