/** The {@code chainwire:generate} goal: ABI files to typed event classes during a Maven build. */
package io.chainwire.maven;
