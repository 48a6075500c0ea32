/** Test support shared by the processor's test packages. */
package io.chainwire.testing;
