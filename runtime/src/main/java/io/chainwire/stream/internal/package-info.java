/** The stream engine behind {@link io.chainwire.stream.EventStream}; not API. */
package io.chainwire.stream.internal;
