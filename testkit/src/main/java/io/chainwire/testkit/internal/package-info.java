/** Implementation details of the testkit (process control, finding node and solc, reading JSON); not public API. */
package io.chainwire.testkit.internal;
