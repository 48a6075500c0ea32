/**
 * The hello sample: a typed handler for the {@code Hello} contract's {@code MessageSent} events, and a demo that runs
 * it against a local node.
 */
package io.chainwire.samples.hello;
