/**
 * Takeover time: copies of one stream, each in a JVM of its own, share a checkpoint store, and the leader is killed or
 * stopped cleanly while events arrive; measured from the old leader's last event to the new leader's first.
 */
package io.chainwire.benchmarks.takeover;
