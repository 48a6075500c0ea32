/** Tests of the stream engine against a real anvil node started by the testkit. */
package io.chainwire.stream;
