/**
 * How the {@code generate} goal works: finding and fingerprinting ABI files, naming and generating
 * classes, and writing them incrementally. Not API.
 */
package io.chainwire.maven.internal;
