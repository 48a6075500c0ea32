/** Checkpoint databases for the benchmarks that need one of their own. */
package io.chainwire.benchmarks.stores;
