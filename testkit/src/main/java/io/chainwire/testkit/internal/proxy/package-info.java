/**
 * The network side of {@link io.chainwire.testkit.FaultProxy}: a loopback server that speaks HTTP/1.1 and relays
 * WebSocket frames to an upstream node, asking a {@link io.chainwire.testkit.internal.proxy.FaultDecider} which
 * messages to disturb, or relays raw TCP to any upstream. Not public API.
 */
package io.chainwire.testkit.internal.proxy;
