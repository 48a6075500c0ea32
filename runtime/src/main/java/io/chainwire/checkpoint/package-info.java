/**
 * Where a stream remembers how far it got: the checkpoint of each stream (its recent handled blocks), the unit of work
 * that commits a block's handler effects together with its checkpoint, the dead-letter table, and the stores that keep
 * them (SQLite by default, PostgreSQL through JDBC, memory for tests).
 */
package io.chainwire.checkpoint;
