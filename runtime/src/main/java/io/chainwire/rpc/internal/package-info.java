/** Implementation of the JSON-RPC clients: request encoding, streaming response parsing, transports; not public API. */
package io.chainwire.rpc.internal;
