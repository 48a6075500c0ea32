/** The annotations chainwire users write: which ABIs to generate from, and which interfaces handle their events. */
package io.chainwire.annotation;
