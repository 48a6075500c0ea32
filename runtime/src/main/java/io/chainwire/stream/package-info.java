/**
 * Event streams: typed handlers fed from one or more JSON-RPC nodes with backfill, live following, reorganisation
 * rollback, retry and failover, checkpointed block by block. Start with
 * {@link io.chainwire.stream.EventStream#builder()}.
 */
package io.chainwire.stream;
