/** Decoding one log into typed values: generated decoders against web3j and hand-written code. */
package io.chainwire.benchmarks.decode;
