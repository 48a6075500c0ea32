/** Tests of the JSON-RPC clients against a real anvil node started by the testkit. */
package io.chainwire.rpc;
