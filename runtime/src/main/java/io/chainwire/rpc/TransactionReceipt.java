package io.chainwire.rpc;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The receipt of a mined transaction ({@code eth_getTransactionReceipt}): the block that holds it, whether it
 * succeeded, the contract it created, and the logs it emitted.
 *
 * @param transactionHash the transaction's hash
 * @param blockNumber the number of the block that holds it
 * @param blockHash the hash of that block
 * @param succeeded true for status {@code 0x1}, false for {@code 0x0} (the transaction reverted)
 * @param contractAddress the contract a deployment created; empty for any other transaction
 * @param logs the logs it emitted, in log-index order; none if it reverted
 */
public record TransactionReceipt(
        Hash transactionHash,
        long blockNumber,
        Hash blockHash,
        boolean succeeded,
        Optional<Address> contractAddress,
        List<RawLog> logs) {

    /** Validates that no field is missing or negative, and copies the logs. */
    public TransactionReceipt {
        Objects.requireNonNull(transactionHash, "transactionHash");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(contractAddress, "contractAddress");
        if (blockNumber < 0) {
            throw new IllegalArgumentException("blockNumber must not be negative, got " + blockNumber);
        }
        logs = List.copyOf(logs);
    }
}
