/**
 * Ethereum ABI values ({@link io.chainwire.abi.Address}, {@link io.chainwire.abi.Hash},
 * {@link io.chainwire.abi.Bytes}), raw logs, topic filters and the bounds-checked decoder that generated event classes
 * use.
 */
package io.chainwire.abi;
