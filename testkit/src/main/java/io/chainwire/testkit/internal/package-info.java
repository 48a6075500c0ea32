/** Implementation details of the testkit (process control, JSON-RPC, JSON reading); not public API. */
package io.chainwire.testkit.internal;
