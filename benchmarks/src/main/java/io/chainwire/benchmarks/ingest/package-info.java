/**
 * The ingest pipeline: the bytes of an {@code eth_getLogs} response to typed events dispatched to a handler, chainwire
 * against web3j, in one thread and without a network.
 */
package io.chainwire.benchmarks.ingest;
