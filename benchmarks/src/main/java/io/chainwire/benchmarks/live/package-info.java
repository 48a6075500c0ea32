/**
 * Live latency against a local anvil: from the RPC that mines a block to the handler call for the block's event, over a
 * WebSocket head subscription and over HTTP polling.
 */
package io.chainwire.benchmarks.live;
