/** Implementation details of the ABI value types; not public API and subject to change. */
package io.chainwire.abi.internal;
