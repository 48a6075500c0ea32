/**
 * End to end against a local anvil: a backfill of ERC-20 {@code Transfer} logs by chainwire's stream with a SQLite
 * checkpoint store, against the node's own {@code eth_getLogs} ceiling and a web3j fetch-and-decode loop over the same
 * ranges with the same concurrency.
 */
package io.chainwire.benchmarks.backfill;
