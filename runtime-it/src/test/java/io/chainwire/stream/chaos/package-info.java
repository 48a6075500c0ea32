/**
 * The stream engine under stress against a real anvil node: a fault-injecting proxy in the way, dead endpoints, a node
 * restarted mid-stream. Each test compares what the handlers committed with what the chain holds.
 */
package io.chainwire.stream.chaos;
