package io.chainwire.testkit;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The receipt of a mined transaction.
 *
 * @param transactionHash the transaction's hash
 * @param blockNumber the number of the block that holds it
 * @param blockHash the hash of that block
 * @param succeeded false when the transaction reverted
 * @param contractAddress the created contract, for a deployment
 * @param logs the logs it emitted, in log-index order
 */
public record Receipt(
    Hash transactionHash,
    long blockNumber,
    Hash blockHash,
    boolean succeeded,
    Optional<Address> contractAddress,
    List<RawLog> logs) {

  /** Validates that no field is missing and copies the logs. */
  public Receipt {
    Objects.requireNonNull(transactionHash, "transactionHash");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(contractAddress, "contractAddress");
    logs = List.copyOf(logs);
  }
}
