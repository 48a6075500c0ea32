/**
 * A deterministic simulation of the stream engine: a virtual clock, a chain and its nodes speaking JSON-RPC in memory,
 * a transactional store, a scripted handler, crashes and restarts, and an oracle that judges what the stream committed
 * against the canonical chain.
 */
package io.chainwire.stream.simulation;
