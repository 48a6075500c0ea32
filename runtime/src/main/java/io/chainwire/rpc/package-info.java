/**
 * JSON-RPC clients for Ethereum nodes over HTTP and WebSocket: typed calls, batches, {@code newHeads} subscriptions,
 * logs parsed straight from the wire, and typed errors with a classifier that tells retryable failures and provider
 * range refusals apart.
 */
package io.chainwire.rpc;
